import {
  PathTally,
  pathwaysChunk,
  summarizePathways,
  type PathwaysChunkResult,
  type PathwaysOptions,
  type PathwaysResult,
} from '../analysis/index.ts';
import { Simulator } from '../engine/index.ts';
import { RunStatistics } from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import { chunkSchedule } from './chunk-schedule.ts';
import { compileArms } from './chunk-task.ts';
import { DEFAULT_RUNS, DEFAULT_SEED } from './simulate.ts';

/**
 * Runs a pathways analysis in chunks, here or on worker threads, merging statistics and paths in
 * chunk order: the result is the same for any number of workers.
 */
export async function pathways(
  loaded: LoadedScenario,
  options: PathwaysOptions = {},
): Promise<PathwaysResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const [arm] = compileArms([loaded.scenario]);
  const replay = new Simulator(arm.model, arm.simulator.agents);
  const executor = chunkExecutor<PathwaysChunkResult>(
    options.workers ?? 1,
    (start, end) => pathwaysChunk(arm.model, arm.simulator, replay, seed, start, end),
    (start, end) => ({
      kind: 'pathways',
      key: loaded.hash,
      scenarios: [loaded.scenario],
      seed,
      start,
      end,
    }),
  );
  const stats = new RunStatistics(arm.model.actorCount);
  const tally = new PathTally();
  await runInOrder(executor, chunkSchedule(runs, false), (chunk) => {
    stats.merge(RunStatistics.fromJSON(chunk.stats));
    tally.add(chunk.paths);
    options.onProgress?.(stats.trials, runs);
    return false;
  });
  return summarizePathways(loaded, seed, stats, tally, options.top);
}
