import {
  combineCompareChunks,
  compareChunk,
  summarizeComparison,
  type CompareChunkResult,
  type CompareResult,
  type Variant,
} from '../analysis/index.ts';
import {
  estimateProportion,
  PairedMoments,
  pairedEstimate,
  pairedWeightedEstimate,
  RunStatistics,
  WeightedStatistics,
  weightedProportion,
} from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import type { WorkerPool } from './worker-pool.ts';
import { chunkSchedule } from './chunk-schedule.ts';
import { compileArms } from './chunk-task.ts';
import { planOnWorkers, type MethodOptions } from './method-plan.ts';
import {
  DEFAULT_MAX_RUNS,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  importanceReport,
  type ImportanceReport,
  type Progress,
} from './simulate.ts';
import { ratioRelError } from './ratio-rel-error.ts';
import { tiltToJson } from './tilt-spec.ts';

/** A comparison's result, with how it sampled (see `RunResult`). */
export interface ComparisonResult extends CompareResult {
  readonly methodReason: string;
  /** The baseline's tilt and weight diagnostics under importance sampling; null for plain. */
  readonly importance: ImportanceReport | null;
}

export interface CompareOptions extends MethodOptions {
  /** Trials per variant. Default 10,000. Ignored when `targetRelError` is set. */
  readonly runs?: number;
  /** Base seed, shared by every variant: trial i of each draws the same streams. Default 1. */
  readonly seed?: number;
  /**
   * Stop once every variant's risk ratio has this relative error, se(log RR) from its paired 95%
   * interval (a variant with no use yet never does: `maxRuns` caps it). Default: off.
   */
  readonly targetRelError?: number;
  /** Cap on trials per variant with `targetRelError`. Default 10,000,000. */
  readonly maxRuns?: number;
  /** Trials per chunk. Default 10,000. */
  readonly chunkSize?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Run chunks on worker threads even with one worker, so this thread stays free (a server). Default false. */
  readonly offThread?: boolean;
  /**
   * Long-lived worker threads to run chunks on instead of starting `workers` of its own (a server
   * keeps one for all its runs); left running at the end. Default none.
   */
  readonly pool?: WorkerPool;
  /** Called after every chunk of trials; `baseline` carries the baseline's running counts. */
  readonly onProgress?: (done: number, planned: number, baseline: Progress) => void;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
  /**
   * Stops the comparison (between chunks here, after the current trial on worker threads); the
   * result then covers the trials done (`aborted`).
   */
  readonly signal?: AbortSignal;
  /** Cap on events handled in one trial of an arm (a ModelLimitError beyond it). Default 1,000,000. */
  readonly maxEvents?: number;
}

/**
 * Runs the baseline and every variant on common random numbers: trial i of every arm is seeded by
 * (seed, i) with the same per-process streams (every event keeps its draws), so differences are
 * paired and their intervals reflect only the trials where the safeguard changed the outcome.
 * Chunks run here or on worker threads and merge exactly, in order.
 */
export async function compare(
  baseline: LoadedScenario,
  variants: readonly Variant[],
  options: CompareOptions = {},
): Promise<ComparisonResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.targetRelError;
  const planned =
    target !== undefined ? (options.maxRuns ?? DEFAULT_MAX_RUNS) : (options.runs ?? DEFAULT_RUNS);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const loaded = [baseline, ...variants.map((v) => v.loaded)];
  const scenarios = loaded.map((l) => l.scenario);
  const key = loaded.map((l) => l.hash).join(',');
  // One tilt, chosen on the baseline, for every arm: the pairing survives importance sampling.
  const plan = await planOnWorkers(
    baseline,
    compileArms([baseline.scenario], null, { maxEvents: options.maxEvents })[0].model,
    seed,
    options,
  );
  const tilt = plan.tilt;
  const tiltJson = tilt ? tiltToJson(tilt) : undefined;
  const arms = compileArms(scenarios, tilt, { maxEvents: options.maxEvents });
  const executor = chunkExecutor<CompareChunkResult>(
    options.workers ?? 1,
    (start, end) => compareChunk(arms, seed, start, end),
    (start, end) => ({
      kind: 'compare',
      key: tiltJson ? `${key}:${JSON.stringify(tiltJson)}` : key,
      scenarios,
      seed,
      start,
      end,
      tilt: tiltJson,
      maxEvents: options.maxEvents,
    }),
    options.offThread,
    options.pool,
    options.signal,
    combineCompareChunks,
  );
  const stats = arms.map((a) => new RunStatistics(a.model.actorCount));
  const weighted = tilt ? arms.map((a) => new WeightedStatistics(a.model.actorCount)) : null;
  const paired = tilt ? variants.map(() => new PairedMoments()) : null;
  const both = new Array<number>(variants.length).fill(0);
  const baselineOnly = new Array<number>(variants.length).fill(0);
  const variantOnly = new Array<number>(variants.length).fill(0);
  const unanswered = {
    both: new Array<number>(variants.length).fill(0),
    baselineOnly: new Array<number>(variants.length).fill(0),
    variantOnly: new Array<number>(variants.length).fill(0),
  };
  let stoppedBy: CompareResult['stoppedBy'] = target !== undefined ? 'maxRuns' : 'runs';
  const chunks = chunkSchedule(planned, target !== undefined, options.chunkSize);
  // Every variant's risk ratio as the result will report it; the baseline's P with no variant.
  const reached = (r: number, trials: number, baselineRelErr: number | null) =>
    variants.length === 0
      ? baselineRelErr !== null && baselineRelErr <= r
      : variants.every((_, v) => {
          const estimate = paired
            ? pairedWeightedEstimate(paired[v], trials)
            : pairedEstimate({
                both: both[v],
                baselineOnly: baselineOnly[v],
                variantOnly: variantOnly[v],
                trials,
              });
          return ratioRelError(estimate.riskRatio) <= r;
        });
  await runInOrder(executor, chunks, (chunk) => {
    chunk.stats.forEach((json, i) => stats[i].merge(RunStatistics.fromJSON(json)));
    chunk.weighted?.forEach((json, i) => weighted?.[i].merge(WeightedStatistics.fromJSON(json)));
    chunk.paired?.forEach((json, v) => paired?.[v].merge(PairedMoments.fromJSON(json)));
    for (let v = 0; v < variants.length; v++) {
      both[v] += chunk.both[v];
      baselineOnly[v] += chunk.baselineOnly[v];
      variantOnly[v] += chunk.variantOnly[v];
      unanswered.both[v] += chunk.unanswered.both[v];
      unanswered.baselineOnly[v] += chunk.unanswered.baselineOnly[v];
      unanswered.variantOnly[v] += chunk.unanswered.variantOnly[v];
    }
    const { trials, nuclearUse } = stats[0];
    const estimate = weighted
      ? weightedProportion(weighted[0].nuclearUse, weighted[0].trials)
      : estimateProportion(nuclearUse, trials);
    const relErr = estimate.relErr;
    options.onProgress?.(trials, planned, { done: trials, planned, nuclearUse, estimate, relErr });
    if (options.signal?.aborted) stoppedBy = 'aborted';
    else if (target !== undefined && reached(target, trials, relErr)) stoppedBy = 'target';
    return stoppedBy === 'aborted' || stoppedBy === 'target';
  });
  const totals = {
    stats,
    both,
    baselineOnly,
    variantOnly,
    unanswered,
    runs: stats[0].trials,
    stoppedBy,
    weighted,
    paired,
  };
  const result = summarizeComparison(baseline, variants, totals, seed, (clock() - started) / 1000);
  return {
    ...result,
    methodReason: plan.reason,
    importance:
      weighted && plan.tilt ? importanceReport(plan, weighted[0], stats[0].nuclearUse) : null,
  };
}
