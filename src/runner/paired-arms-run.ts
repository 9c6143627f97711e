import {
  pairedArmsChunk,
  type ArmPair,
  type CompiledArm,
  type PairedArmsChunkResult,
  type StudyOutcome,
} from '../analysis/index.ts';
import { RunStatistics } from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { changedScenarios, type StudyArm } from './changed-scenarios.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import { compileArms } from './chunk-task.ts';
import type { WorkerPool } from './worker-pool.ts';

/** Arms run together on common random numbers, over trials [start, end) of the seed. */
export interface ArmGroup {
  /** Each arm as changes (then safeguards) to the baseline scenario. */
  readonly arms: readonly StudyArm[];
  readonly pairs: readonly ArmPair[];
  readonly start: number;
  readonly end: number;
}

/** A group's merged statistics: per arm, and per pair [both, first only, second only]. */
export interface GroupTotals {
  readonly stats: readonly RunStatistics[];
  readonly pairs: readonly (readonly [number, number, number])[];
  readonly trials: number;
}

export interface StudyRunOptions {
  /** Base seed. Default 1. */
  readonly seed?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Run on worker threads even with one worker. Default false. */
  readonly offThread?: boolean;
  /** Long-lived worker threads to use instead of starting some. Default none. */
  readonly pool?: WorkerPool;
  /** Called after every chunk with trials done and planned (over every arm). */
  readonly onProgress?: (done: number, planned: number) => void;
  /** Stops between chunks; the study then throws an AbortError. Default none. */
  readonly signal?: AbortSignal;
}

/** Trials per chunk of one group: several chunks let a single large group use every worker. */
const GROUP_CHUNK = 5_000;

/**
 * Runs groups of arms through the chunk executor (here or on worker threads, which build each
 * group's scenarios from its changes) and merges each group's chunks in order, so totals depend
 * only on the seed and the groups.
 */
export async function runArmGroups(
  baseline: LoadedScenario,
  groups: readonly ArmGroup[],
  outcome: StudyOutcome,
  options: StudyRunOptions = {},
): Promise<GroupTotals[]> {
  const seed = options.seed ?? 1;
  const jobs: { group: number; start: number; end: number }[] = [];
  groups.forEach((g, group) => {
    for (let start = g.start; start < g.end; start += GROUP_CHUNK) {
      jobs.push({ group, start, end: Math.min(g.end, start + GROUP_CHUNK) });
    }
  });
  const base = baseline.scenario;
  let local: { group: number; arms: CompiledArm[] } | undefined;
  const executor = chunkExecutor<PairedArmsChunkResult>(
    options.workers ?? 1,
    (j) => {
      const { group, start, end } = jobs[j];
      if (local?.group !== group) {
        local = { group, arms: compileArms(changedScenarios(base, groups[group].arms)) };
      }
      return pairedArmsChunk(local.arms, groups[group].pairs, outcome, seed, start, end);
    },
    (j) => {
      const { group, start, end } = jobs[j];
      const { arms, pairs } = groups[group];
      const key = `${baseline.hash}|${JSON.stringify(arms)}`;
      return { kind: 'arms', key, base, arms, pairs, outcome, seed, start, end };
    },
    options.offThread,
    options.pool,
  );
  const totals = groups.map((g) => ({
    stats: g.arms.map(() => new RunStatistics(Object.keys(base.actors).length)),
    pairs: g.pairs.map(() => [0, 0, 0] as [number, number, number]),
    trials: 0,
  }));
  const planned = jobs.reduce((s, j) => s + (j.end - j.start) * groups[j.group].arms.length, 0);
  let done = 0;
  let next = 0;
  const order = (function* (): Generator<[number, number]> {
    for (let j = 0; j < jobs.length; j++) yield [j, j + 1];
  })();
  let aborted = false;
  await runInOrder(executor, order, (chunk) => {
    const job = jobs[next++];
    const total = totals[job.group];
    chunk.stats.forEach((json, a) => total.stats[a].merge(RunStatistics.fromJSON(json)));
    chunk.pairs.forEach((c, p) => c.forEach((n, i) => (total.pairs[p][i] += n)));
    total.trials += job.end - job.start;
    done += (job.end - job.start) * groups[job.group].arms.length;
    options.onProgress?.(done, planned);
    aborted = options.signal?.aborted === true;
    return aborted;
  });
  if (aborted) throw new DOMException('the study was stopped', 'AbortError');
  return totals;
}
