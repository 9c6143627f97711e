import {
  compareChunk,
  summarizeComparison,
  type CompareChunkResult,
  type CompareResult,
  type Variant,
} from '../analysis/index.ts';
import { estimateProportion, RunStatistics } from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { chunkExecutor } from './chunk-executor.ts';
import { chunkSchedule } from './chunk-schedule.ts';
import { compileArms } from './chunk-task.ts';
import { DEFAULT_MAX_RUNS, DEFAULT_RUNS, DEFAULT_SEED } from './simulate.ts';

export interface CompareOptions {
  /** Trials per variant. Default 10,000. Ignored when `targetRelError` is set. */
  readonly runs?: number;
  /** Base seed, shared by every variant: trial i of each draws the same streams. Default 1. */
  readonly seed?: number;
  /** Stop once the baseline's P(nuclear use) has this relative error. Default: off. */
  readonly targetRelError?: number;
  /** Cap on trials per variant with `targetRelError`. Default 10,000,000. */
  readonly maxRuns?: number;
  /** Trials per chunk. Default 10,000. */
  readonly chunkSize?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Called after every chunk of trials. */
  readonly onProgress?: (done: number, planned: number) => void;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
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
): Promise<CompareResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const target = options.targetRelError;
  const planned =
    target !== undefined ? (options.maxRuns ?? DEFAULT_MAX_RUNS) : (options.runs ?? DEFAULT_RUNS);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const loaded = [baseline, ...variants.map((v) => v.loaded)];
  const scenarios = loaded.map((l) => l.scenario);
  const key = loaded.map((l) => l.hash).join(',');
  const arms = compileArms(scenarios);
  const executor = chunkExecutor<CompareChunkResult>(
    options.workers ?? 1,
    (start, end) => compareChunk(arms, seed, start, end),
    (start, end) => ({ kind: 'compare', key, scenarios, seed, start, end }),
  );
  const stats = arms.map((a) => new RunStatistics(a.model.actorCount));
  const both = new Array<number>(variants.length).fill(0);
  const baselineOnly = new Array<number>(variants.length).fill(0);
  const variantOnly = new Array<number>(variants.length).fill(0);
  const chunks = chunkSchedule(planned, target !== undefined, options.chunkSize);
  const inFlight: Promise<CompareChunkResult>[] = [];
  const fill = () => {
    while (inFlight.length < executor.depth) {
      const next = chunks.next();
      if (next.done) return;
      inFlight.push(executor.run(next.value[0], next.value[1]));
    }
  };

  let stoppedBy: CompareResult['stoppedBy'] = target !== undefined ? 'maxRuns' : 'runs';
  try {
    fill();
    while (inFlight.length > 0) {
      const chunk = await (inFlight.shift() as Promise<CompareChunkResult>);
      chunk.stats.forEach((json, i) => stats[i].merge(RunStatistics.fromJSON(json)));
      for (let v = 0; v < variants.length; v++) {
        both[v] += chunk.both[v];
        baselineOnly[v] += chunk.baselineOnly[v];
        variantOnly[v] += chunk.variantOnly[v];
      }
      options.onProgress?.(stats[0].trials, planned);
      const relErr = estimateProportion(stats[0].nuclearUse, stats[0].trials).relErr;
      if (target !== undefined && relErr !== null && relErr <= target) {
        stoppedBy = 'target';
        break;
      }
      fill();
    }
  } finally {
    for (const pending of inFlight) pending.catch(() => undefined);
    await executor.close();
  }
  const totals = { stats, both, baselineOnly, variantOnly, runs: stats[0].trials, stoppedBy };
  return summarizeComparison(baseline, variants, totals, seed, (clock() - started) / 1000);
}
