import { compileModel, causeOf, ORIGIN_NAMES, Simulator } from '../engine/index.ts';
import {
  estimateProportion,
  RunStatistics,
  summarize,
  type RunSummary,
} from '../estimate/index.ts';
import type { Cause, LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';

export interface SimulateOptions {
  /** Trials to run. Default 10,000. Ignored when `targetRelError` is set. */
  readonly runs?: number;
  /** Base seed; trial i always draws the same numbers for a given seed. Default 1. */
  readonly seed?: number;
  /** Stop once the relative error of P(nuclear use) is at or below this. Default: off. */
  readonly targetRelError?: number;
  /** Cap on trials when `targetRelError` is set. Default 10,000,000. */
  readonly maxRuns?: number;
  /** Trials per chunk between progress reports and stopping checks. Default 10,000. */
  readonly chunkSize?: number;
  /** Example trials ending in nuclear use to keep for tracing. Default 5. */
  readonly examples?: number;
  /** Called after every chunk. */
  readonly onProgress?: (progress: Progress) => void;
  /** Milliseconds clock for timing only (never affects results). Default `performance.now`. */
  readonly clock?: () => number;
  /** Stops the run between chunks. */
  readonly signal?: AbortSignal;
}

export interface Progress {
  readonly done: number;
  readonly planned: number;
  readonly nuclearUse: number;
  readonly relErr: number | null;
}

export interface ExampleTrial {
  readonly trial: number;
  readonly cause: Cause;
  readonly origin: string;
  readonly actor: string;
  readonly day: number;
}

export interface RunResult {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  /** Why the run stopped: the requested runs, the target relative error, or the max-runs cap. */
  readonly stoppedBy: 'runs' | 'target' | 'maxRuns' | 'aborted';
  readonly targetRelError: number | null;
  readonly scenario: {
    readonly name: string;
    readonly hash: string;
    readonly horizonDays: number;
    readonly actors: readonly string[];
  };
  readonly outcomes: RunSummary;
  /** The first trials that ended in nuclear use, to replay with `petrov trace`. */
  readonly examples: readonly ExampleTrial[];
  /** Wall-clock figures; the only fields that differ between identical runs. */
  readonly timing: { readonly seconds: number; readonly trialsPerSecond: number };
}

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;
export const DEFAULT_MAX_RUNS = 10_000_000;

/** Runs trials 0..n-1 of a scenario and estimates every outcome with its interval. */
export async function simulate(
  loaded: LoadedScenario,
  options: SimulateOptions = {},
): Promise<RunResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.targetRelError;
  const planned =
    target !== undefined ? (options.maxRuns ?? DEFAULT_MAX_RUNS) : (options.runs ?? DEFAULT_RUNS);
  const chunkSize = options.chunkSize ?? 10_000;
  const keep = options.examples ?? 5;
  const clock = options.clock ?? (() => performance.now());
  const model = compileModel(loaded.scenario);
  const simulator = new Simulator(model);
  const stats = new RunStatistics(model.actorCount);
  const examples: ExampleTrial[] = [];
  const started = clock();

  let done = 0;
  let stoppedBy: RunResult['stoppedBy'] = target !== undefined ? 'maxRuns' : 'runs';
  while (done < planned) {
    if (options.signal?.aborted) {
      stoppedBy = 'aborted';
      break;
    }
    // With a target, check early and often (chunks double from 1,000): a fixed schedule, so the
    // stopping point never depends on timing.
    const step = target !== undefined ? Math.min(chunkSize, Math.max(1000, done)) : chunkSize;
    const end = Math.min(planned, done + step);
    for (let trial = done; trial < end; trial++) {
      const outcome = simulator.run(seed, trial);
      stats.add(outcome);
      if (outcome.nuclearUse === 1 && examples.length < keep) {
        examples.push({
          trial,
          cause: causeOf(outcome.origin),
          origin: ORIGIN_NAMES[outcome.origin],
          actor: model.actorIds[outcome.user],
          day: outcome.time / 1440,
        });
      }
    }
    done = end;
    const relErr = estimateProportion(stats.nuclearUse, done).relErr;
    options.onProgress?.({ done, planned, nuclearUse: stats.nuclearUse, relErr });
    if (target !== undefined && relErr !== null && relErr <= target) {
      stoppedBy = 'target';
      break;
    }
    // Let the event loop breathe (progress bars, signals) between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const seconds = (clock() - started) / 1000;
  return {
    version: VERSION,
    seed,
    runs: stats.trials,
    stoppedBy,
    targetRelError: target ?? null,
    scenario: {
      name: loaded.scenario.name,
      hash: loaded.hash,
      horizonDays: loaded.scenario.horizonDays,
      actors: model.actorIds,
    },
    outcomes: summarize(stats, model.actorIds),
    examples,
    timing: { seconds, trialsPerSecond: seconds > 0 ? stats.trials / seconds : 0 },
  };
}
