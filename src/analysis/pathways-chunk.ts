import { causeOf, type CompiledModel, type Simulator } from '../engine/index.ts';
import { RunStatistics, type RunStatisticsJson } from '../estimate/index.ts';
import type { Cause } from '../scenario/index.ts';
import { pathwaySignature, RawRecorder } from './pathway-signature.ts';

/** One distinct path of a chunk: how often it was taken, and its first trial. */
export interface ChunkPath {
  readonly path: string;
  readonly uses: number;
  readonly trial: number;
  readonly cause: Cause;
}

export interface PathwaysChunkResult {
  readonly stats: RunStatisticsJson;
  /** Distinct paths in the order they first appeared. */
  readonly paths: readonly ChunkPath[];
}

/**
 * Trials [start, end) of a pathways run: statistics as a run keeps them, and the path of every
 * trial that ended in use, found by replaying it with a recorder (so the fast pass allocates
 * nothing). The unit of work on worker threads; `PathTally` merges chunks in order.
 */
export function pathwaysChunk(
  model: CompiledModel,
  fast: Simulator,
  replay: Simulator,
  seed: number,
  start: number,
  end: number,
): PathwaysChunkResult {
  const stats = new RunStatistics(model.actorCount);
  const paths = new Map<string, { uses: number; trial: number; cause: Cause }>();
  for (let trial = start; trial < end; trial++) {
    const outcome = fast.run(seed, trial);
    stats.add(outcome);
    if (outcome.nuclearUse !== 1) continue;
    const recorder = new RawRecorder();
    replay.run(seed, trial, recorder);
    const path = pathwaySignature(recorder.events, model.actorIds);
    const entry = paths.get(path);
    if (entry) entry.uses++;
    else paths.set(path, { uses: 1, trial, cause: causeOf(outcome.origin) });
  }
  return { stats: stats.toJSON(), paths: [...paths].map(([path, e]) => ({ path, ...e })) };
}
