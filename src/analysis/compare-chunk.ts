import type { CompiledModel, Simulator } from '../engine/index.ts';
import { RunStatistics, type RunStatisticsJson } from '../estimate/index.ts';

/** One compiled arm of a comparison (the baseline first). */
export interface CompiledArm {
  readonly model: CompiledModel;
  readonly simulator: Simulator;
}

/** Statistics of every arm over one chunk, and the paired counts of each variant. */
export interface CompareChunkResult {
  readonly stats: readonly RunStatisticsJson[];
  readonly both: readonly number[];
  readonly baselineOnly: readonly number[];
  readonly variantOnly: readonly number[];
}

/**
 * Runs trials [start, end) of every arm in lockstep on the same (seed, trial) streams, counting for
 * each variant the trials that ended in use under both, the baseline only, or the variant only.
 */
export function compareChunk(
  arms: readonly CompiledArm[],
  seed: number,
  start: number,
  end: number,
): CompareChunkResult {
  const stats = arms.map((a) => new RunStatistics(a.model.actorCount));
  const variants = arms.length - 1;
  const both = new Array<number>(variants).fill(0);
  const baselineOnly = new Array<number>(variants).fill(0);
  const variantOnly = new Array<number>(variants).fill(0);
  for (let trial = start; trial < end; trial++) {
    const base = arms[0].simulator.run(seed, trial);
    stats[0].add(base);
    const x = base.nuclearUse;
    for (let v = 0; v < variants; v++) {
      const outcome = arms[v + 1].simulator.run(seed, trial);
      stats[v + 1].add(outcome);
      const y = outcome.nuclearUse;
      if (x === 1 && y === 1) both[v]++;
      else if (x === 1) baselineOnly[v]++;
      else if (y === 1) variantOnly[v]++;
    }
  }
  return { stats: stats.map((s) => s.toJSON()), both, baselineOnly, variantOnly };
}
