import { causeOf, ORIGIN_NAMES, type CompiledModel, type Simulator } from '../engine/index.ts';
import {
  RunStatistics,
  WeightedStatistics,
  type RunStatisticsJson,
  type WeightedStatisticsJson,
} from '../estimate/index.ts';
import type { Cause } from '../scenario/index.ts';
import { stopRequested, type StopFlag } from '../util/index.ts';

export interface ExampleTrial {
  readonly trial: number;
  readonly cause: Cause;
  readonly origin: string;
  readonly actor: string;
  readonly day: number;
}

export interface ChunkResult {
  readonly start: number;
  readonly end: number;
  readonly stats: RunStatisticsJson;
  /** Likelihood-ratio weighted statistics, when the simulator samples under a tilt. */
  readonly weighted: WeightedStatisticsJson | null;
  /** The first trials of the chunk that ended in nuclear use (at most `keep`). */
  readonly examples: readonly ExampleTrial[];
}

/** The result of consecutive chunks (or slices of one) as one: exact sums, the first examples. */
export function combineChunks(parts: readonly ChunkResult[], keep: number): ChunkResult {
  const stats = RunStatistics.fromJSON(parts[0].stats);
  for (const part of parts.slice(1)) stats.merge(RunStatistics.fromJSON(part.stats));
  const first = parts[0].weighted;
  const weighted = first === null ? null : WeightedStatistics.fromJSON(first);
  for (const part of parts.slice(1)) {
    if (weighted && part.weighted) weighted.merge(WeightedStatistics.fromJSON(part.weighted));
  }
  return {
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    stats: stats.toJSON(),
    weighted: weighted?.toJSON() ?? null,
    examples: parts.flatMap((p) => p.examples).slice(0, keep),
  };
}

/**
 * Runs trials [start, end) of a seed: the unit of work of every runner (inline, worker pool,
 * shard). A chunk's result depends only on (model, seed, start, end), so any split of a run into
 * chunks, on any number of workers or machines, merges to the same statistics.
 */
export function runChunk(
  simulator: Simulator,
  model: CompiledModel,
  seed: number,
  start: number,
  end: number,
  keep: number,
  /**
   * Once raised, the chunk ends after its current trial (at least one) and reports the trials it
   * ran: a prefix, so it merges as exactly as a whole chunk. Default none.
   */
  stop?: StopFlag,
): ChunkResult {
  const stats = new RunStatistics(model.actorCount);
  const weighted = simulator.tilted ? new WeightedStatistics(model.actorCount) : null;
  const examples: ExampleTrial[] = [];
  let trial = start;
  for (; trial < end; trial++) {
    if (trial > start && stopRequested(stop)) break;
    const outcome = simulator.run(seed, trial);
    stats.add(outcome);
    weighted?.add(outcome);
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
  return {
    start,
    end: trial,
    stats: stats.toJSON(),
    weighted: weighted?.toJSON() ?? null,
    examples,
  };
}
