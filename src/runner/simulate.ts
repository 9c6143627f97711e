import type { Tilt } from '../engine/index.ts';
import {
  estimateProportion,
  importanceDiagnostics,
  RunStatistics,
  summarize,
  summarizeWeighted,
  WeightedStatistics,
  weightedProportion,
  type ImportanceDiagnostics,
  type ProportionEstimate,
  type RunSummary,
} from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import type { WorkerPool } from './worker-pool.ts';
import { compileArms } from './chunk-task.ts';
import { CHUNK_SIZE, chunkSchedule, shardTrials } from './chunk-schedule.ts';
import { combineChunks, runChunk, type ChunkResult, type ExampleTrial } from './run-chunk.ts';
import { VERSION } from '../version.ts';
import { planOnWorkers, type MethodOptions, type MethodPlan } from './method-plan.ts';
import type { TiltRound } from './tilt-search.ts';
import { tiltToJson, type TiltSpec } from './tilt-spec.ts';

export interface SimulateOptions extends MethodOptions {
  /** Trials to run. Default 10,000. Ignored when `targetRelError` is set. */
  readonly runs?: number;
  /** Base seed; trial i always draws the same numbers for a given seed. Default 1. */
  readonly seed?: number;
  /** Stop once the relative error of P(nuclear use) is at or below this. Default: off. */
  readonly targetRelError?: number;
  /** Cap on trials when `targetRelError` is set. Default 10,000,000. */
  readonly maxRuns?: number;
  /** Trials per chunk: the unit of work, progress and stopping checks. Default 10,000. */
  readonly chunkSize?: number;
  /** Worker threads. Default 1 (this thread); results are identical for any number. */
  readonly workers?: number;
  /** Run chunks on worker threads even with one worker, so this thread stays free (a server). Default false. */
  readonly offThread?: boolean;
  /**
   * Long-lived worker threads to run chunks on instead of starting `workers` of its own (a server
   * keeps one for all its runs); left running at the end. Default none.
   */
  readonly pool?: WorkerPool;
  /** Example trials ending in nuclear use to keep for tracing. Default 5. */
  readonly examples?: number;
  /** Called after every chunk. */
  readonly onProgress?: (progress: Progress) => void;
  /** Milliseconds clock for timing only (never affects results). Default `performance.now`. */
  readonly clock?: () => number;
  /** Stops the run: between chunks here, after the current trial on worker threads. */
  readonly signal?: AbortSignal;
  /** Cap on events handled in one trial (a ModelLimitError beyond it). Default 1,000,000. */
  readonly maxEvents?: number;
}

/** Importance sampling's account of itself in a result. */
export interface ImportanceReport {
  /** The tilt by name: only what differs from plain sampling. */
  readonly tilt: TiltSpec;
  readonly tiltSource: 'cross-entropy' | 'given';
  /** The cross-entropy search's pilot rounds (none for a given tilt). */
  readonly rounds: readonly TiltRound[];
  readonly diagnostics: ImportanceDiagnostics;
}

export function importanceReport(
  plan: MethodPlan,
  weighted: WeightedStatistics,
  tiltedUses: number,
): ImportanceReport {
  return {
    tilt: plan.tiltSpec ?? { rates: {}, probabilities: {} },
    tiltSource: plan.tiltSource ?? 'given',
    rounds: plan.rounds,
    diagnostics: importanceDiagnostics(weighted, tiltedUses),
  };
}

export interface Progress {
  readonly done: number;
  readonly planned: number;
  /** Trials with use so far (under the tilt, with importance sampling). */
  readonly nuclearUse: number;
  /** The running estimate of P(nuclear use) with its interval, as the result will report it. */
  readonly estimate: ProportionEstimate;
  readonly relErr: number | null;
}

export type { ExampleTrial } from './run-chunk.ts';

export interface RunResult {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  /** Why the run stopped: the requested runs, the target relative error, or the max-runs cap. */
  readonly stoppedBy: 'runs' | 'target' | 'maxRuns' | 'aborted';
  readonly targetRelError: number | null;
  /** How trials were sampled: plain Monte Carlo or importance sampling (docs/rare-events.md). */
  readonly method: 'plain' | 'importance';
  /** Why that method (what was requested; what the pilot saw under 'auto'). */
  readonly methodReason: string;
  /** Importance sampling's tilt, pilot rounds and weight diagnostics; null for plain runs. */
  readonly importance: ImportanceReport | null;
  readonly scenario: {
    readonly name: string;
    readonly hash: string;
    readonly horizonDays: number;
    readonly actors: readonly string[];
    /** How often such a crisis arises per year, when the scenario declares it. */
    readonly crisesPerYear?: number;
  };
  readonly outcomes: RunSummary;
  /** The first trials that ended in nuclear use, to replay with `petrov trace`. */
  readonly examples: readonly ExampleTrial[];
  /** Wall-clock figures; the only fields that differ between identical runs. */
  readonly timing: {
    readonly seconds: number;
    readonly trialsPerSecond: number;
    readonly workers: number;
  };
}

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;
export const DEFAULT_MAX_RUNS = 10_000_000;

/** Which trials a shard owns: chunks whose index is `index` modulo `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The raw outcome of a run or shard: exactly mergeable statistics plus the first example trials. */
export interface RunPart {
  readonly stats: RunStatistics;
  /** Likelihood-ratio weighted statistics under importance sampling; null for plain runs. */
  readonly weighted: WeightedStatistics | null;
  readonly examples: readonly ExampleTrial[];
  readonly stoppedBy: RunResult['stoppedBy'];
}

/** Runs trials 0..n-1 of a scenario and estimates every outcome with its interval. */
export async function simulate(
  loaded: LoadedScenario,
  options: SimulateOptions = {},
): Promise<RunResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const [arm] = compileArms([loaded.scenario], null, { maxEvents: options.maxEvents });
  const plan = await planOnWorkers(loaded, arm.model, options.seed ?? DEFAULT_SEED, options);
  const part = await simulatePart(loaded, { ...options, tilt: plan.tilt ?? undefined });
  const seconds = (clock() - started) / 1000;
  return summarizeRun(runIdentity(loaded), options, part, seconds, plan);
}

/**
 * Runs the chunks of a run (or of one shard of it) on the chosen executor, merging their exact
 * statistics in chunk order, and stopping at the first chunk boundary where the target is met.
 * The result is the same for any number of workers.
 */
export async function simulatePart(
  loaded: LoadedScenario,
  options: SimulateOptions & { readonly shard?: Shard; readonly tilt?: Tilt } = {},
): Promise<RunPart> {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.targetRelError;
  const planned =
    target !== undefined ? (options.maxRuns ?? DEFAULT_MAX_RUNS) : (options.runs ?? DEFAULT_RUNS);
  const keep = options.examples ?? 5;
  const shard = options.shard ?? { index: 0, count: 1 };
  if (target !== undefined && shard.count > 1) {
    throw new Error('a stopping target needs the whole run: shard a fixed number of runs');
  }
  const tilt = options.tilt ?? null;
  const tiltJson = tilt ? tiltToJson(tilt) : undefined;
  const [arm] = compileArms([loaded.scenario], tilt, { maxEvents: options.maxEvents });
  const executor = chunkExecutor<ChunkResult>(
    options.workers ?? 1,
    (start, end) => runChunk(arm.simulator, arm.model, seed, start, end, keep),
    (start, end) => ({
      kind: 'run',
      key: tiltJson ? `${loaded.hash}:${JSON.stringify(tiltJson)}` : loaded.hash,
      scenarios: [loaded.scenario],
      seed,
      start,
      end,
      keep,
      tilt: tiltJson,
      maxEvents: options.maxEvents,
    }),
    options.offThread,
    options.pool,
    options.signal,
    (slices) => combineChunks(slices, keep),
  );
  const actorCount = Object.keys(loaded.scenario.actors).length;
  const stats = new RunStatistics(actorCount);
  const weighted = tilt ? new WeightedStatistics(actorCount) : null;
  const examples: ExampleTrial[] = [];
  // A shard owns every count-th chunk, starting at its index.
  // Lazily, so memory stays constant however many chunks a run has.
  const owned = function* () {
    let index = 0;
    for (const chunk of chunkSchedule(planned, target !== undefined, options.chunkSize)) {
      if (index++ % shard.count === shard.index) yield chunk;
    }
  };
  const ownedTrials = shardTrials(planned, options.chunkSize ?? CHUNK_SIZE, shard);

  let stoppedBy: RunResult['stoppedBy'] = target !== undefined ? 'maxRuns' : 'runs';
  await runInOrder(executor, owned(), (chunk) => {
    stats.merge(RunStatistics.fromJSON(chunk.stats));
    if (weighted && chunk.weighted) weighted.merge(WeightedStatistics.fromJSON(chunk.weighted));
    // Trials with use under a tilt replay differently without it: examples only from plain runs.
    if (!weighted) for (const e of chunk.examples) if (examples.length < keep) examples.push(e);
    const estimate = weighted
      ? weightedProportion(weighted.nuclearUse, weighted.trials)
      : estimateProportion(stats.nuclearUse, stats.trials);
    const relErr = estimate.relErr;
    options.onProgress?.({
      done: stats.trials,
      planned: ownedTrials,
      nuclearUse: stats.nuclearUse,
      estimate,
      relErr,
    });
    if (options.signal?.aborted) stoppedBy = 'aborted';
    else if (target !== undefined && relErr !== null && relErr <= target) stoppedBy = 'target';
    return stoppedBy === 'aborted' || stoppedBy === 'target';
  });
  return { stats, weighted, examples, stoppedBy };
}

/** What a result says about its scenario. */
export type RunIdentity = RunResult['scenario'];

export function runIdentity(loaded: LoadedScenario): RunIdentity {
  const { name, horizonDays, actors, crisesPerYear } = loaded.scenario;
  const identity = { name, hash: loaded.hash, horizonDays, actors: Object.keys(actors) };
  // Only when declared, so results of scenarios without it stay as they were.
  return crisesPerYear === undefined ? identity : { ...identity, crisesPerYear };
}

/** Turns merged statistics into the run's result document. */
export function summarizeRun(
  scenario: RunIdentity,
  options: SimulateOptions,
  part: RunPart,
  seconds: number,
  plan: MethodPlan | null = null,
): RunResult {
  const weighted = part.weighted;
  return {
    version: VERSION,
    seed: options.seed ?? DEFAULT_SEED,
    runs: part.stats.trials,
    stoppedBy: part.stoppedBy,
    targetRelError: options.targetRelError ?? null,
    method: weighted ? 'importance' : 'plain',
    methodReason: plan?.reason ?? 'plain Monte Carlo was requested',
    importance: weighted && plan ? importanceReport(plan, weighted, part.stats.nuclearUse) : null,
    scenario,
    outcomes: weighted
      ? summarizeWeighted(weighted, scenario.actors)
      : summarize(part.stats, scenario.actors),
    examples: part.examples,
    timing: {
      seconds,
      trialsPerSecond: seconds > 0 ? part.stats.trials / seconds : 0,
      workers: options.workers ?? 1,
    },
  };
}
