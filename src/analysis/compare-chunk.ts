import { Flag, type CompiledModel, type Simulator } from '../engine/index.ts';
import {
  PairedMoments,
  RunStatistics,
  WeightedStatistics,
  type PairedMomentsJson,
  type RunStatisticsJson,
  type WeightedStatisticsJson,
} from '../estimate/index.ts';
import { stopRequested, type StopFlag } from '../util/index.ts';

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
  /** The same pairing for an unanswered genuine attack (the other side of the dilemma). */
  readonly unanswered: { both: number[]; baselineOnly: number[]; variantOnly: number[] };
  /** Under importance sampling: each arm's weighted statistics and each variant's paired sums. */
  readonly weighted: readonly WeightedStatisticsJson[] | null;
  readonly paired: readonly PairedMomentsJson[] | null;
}

/**
 * Runs trials [start, end) of every arm in lockstep on the same (seed, trial) streams, counting for
 * each variant the trials that ended in use under both, the baseline only, or the variant only.
 * Under importance sampling every arm draws under the same tilt, so the pairing holds for the
 * weighted outcomes too.
 */
export function compareChunk(
  arms: readonly CompiledArm[],
  seed: number,
  start: number,
  end: number,
  /** Once raised, the chunk ends after its current trial (at least one): a prefix. Default none. */
  stop?: StopFlag,
): CompareChunkResult {
  const stats = arms.map((a) => new RunStatistics(a.model.actorCount));
  const variants = arms.length - 1;
  const both = new Array<number>(variants).fill(0);
  const baselineOnly = new Array<number>(variants).fill(0);
  const variantOnly = new Array<number>(variants).fill(0);
  const unanswered = {
    both: new Array<number>(variants).fill(0),
    baselineOnly: new Array<number>(variants).fill(0),
    variantOnly: new Array<number>(variants).fill(0),
  };
  const tilted = arms[0].simulator.tilted;
  const weighted = tilted ? arms.map((a) => new WeightedStatistics(a.model.actorCount)) : null;
  const paired = tilted ? Array.from({ length: variants }, () => new PairedMoments()) : null;
  for (let trial = start; trial < end; trial++) {
    if (trial > start && stopRequested(stop)) break;
    const base = arms[0].simulator.run(seed, trial);
    stats[0].add(base);
    weighted?.[0].add(base);
    const x = base.nuclearUse;
    const ux = base.flags[Flag.unansweredAttack];
    const wx = tilted && x === 1 ? Math.exp(base.logWeight) : 0;
    for (let v = 0; v < variants; v++) {
      const outcome = arms[v + 1].simulator.run(seed, trial);
      stats[v + 1].add(outcome);
      const y = outcome.nuclearUse;
      if (weighted && paired) {
        weighted[v + 1].add(outcome);
        paired[v].add(wx, y === 1 ? Math.exp(outcome.logWeight) : 0);
      }
      if (x === 1 && y === 1) both[v]++;
      else if (x === 1) baselineOnly[v]++;
      else if (y === 1) variantOnly[v]++;
      const uy = outcome.flags[Flag.unansweredAttack];
      if (ux === 1 && uy === 1) unanswered.both[v]++;
      else if (ux === 1) unanswered.baselineOnly[v]++;
      else if (uy === 1) unanswered.variantOnly[v]++;
    }
  }
  return {
    stats: stats.map((s) => s.toJSON()),
    both,
    baselineOnly,
    variantOnly,
    unanswered,
    weighted: weighted?.map((w) => w.toJSON()) ?? null,
    paired: paired?.map((p) => p.toJSON()) ?? null,
  };
}

/** The result of consecutive chunks (or slices of one) as one: every sum added exactly. */
export function combineCompareChunks(parts: readonly CompareChunkResult[]): CompareChunkResult {
  const [first, ...rest] = parts;
  const stats = first.stats.map((json) => RunStatistics.fromJSON(json));
  const weighted = first.weighted?.map((json) => WeightedStatistics.fromJSON(json)) ?? null;
  const paired = first.paired?.map((json) => PairedMoments.fromJSON(json)) ?? null;
  const both = [...first.both];
  const baselineOnly = [...first.baselineOnly];
  const variantOnly = [...first.variantOnly];
  const unanswered = {
    both: [...first.unanswered.both],
    baselineOnly: [...first.unanswered.baselineOnly],
    variantOnly: [...first.unanswered.variantOnly],
  };
  for (const part of rest) {
    part.stats.forEach((json, i) => stats[i].merge(RunStatistics.fromJSON(json)));
    part.weighted?.forEach((json, i) => weighted?.[i].merge(WeightedStatistics.fromJSON(json)));
    part.paired?.forEach((json, v) => paired?.[v].merge(PairedMoments.fromJSON(json)));
    part.both.forEach((n, v) => (both[v] += n));
    part.baselineOnly.forEach((n, v) => (baselineOnly[v] += n));
    part.variantOnly.forEach((n, v) => (variantOnly[v] += n));
    part.unanswered.both.forEach((n, v) => (unanswered.both[v] += n));
    part.unanswered.baselineOnly.forEach((n, v) => (unanswered.baselineOnly[v] += n));
    part.unanswered.variantOnly.forEach((n, v) => (unanswered.variantOnly[v] += n));
  }
  return {
    stats: stats.map((s) => s.toJSON()),
    both,
    baselineOnly,
    variantOnly,
    unanswered,
    weighted: weighted?.map((w) => w.toJSON()) ?? null,
    paired: paired?.map((p) => p.toJSON()) ?? null,
  };
}
