import {
  jointCounts,
  ratioContrast,
  squaredRatioDifference,
  type RatioArms,
} from '../estimate/index.ts';
import { InputError } from '../util/index.ts';
import type { ArmPair } from './paired-arms-chunk.ts';
import {
  sobolPairs,
  sobolResult,
  type SobolCounts,
  type SobolMeta,
  type SobolResult,
} from './sobol.ts';

/** Set s of a base point (A, B, A_B^1 … A_B^k) runs as arm 2s (baseline) and 2s + 1 (safeguard). */
const setArms = (s: number): RatioArms => ({ baseline: 2 * s, variant: 2 * s + 1 });

/**
 * The pairs of arms one base point of the ratio design follows: each set's baseline with its
 * safeguarded arm, and for every pair of sets the Sobol estimator compares (`sobolPairs`), all four
 * cross pairs — exactly the joint counts the delta-method variance of a ratio difference needs.
 */
export function ratioSobolPairs(k: number): ArmPair[] {
  const pairs: ArmPair[] = [];
  for (let s = 0; s < k + 2; s++) pairs.push([2 * s, 2 * s + 1]);
  for (const [s, t] of sobolPairs(k)) {
    for (const a of [2 * s, 2 * s + 1]) for (const b of [2 * t, 2 * t + 1]) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * Sobol indices of the risk ratio r(θ) = P(outcome | safeguard, θ) / P(outcome | θ) from each base
 * point's counts per arm (2(k + 2) arms, `setArms` order) and paired counts (`ratioSobolPairs`
 * order), `repetitions` trials each on common random numbers. Each squared difference of ratios is
 * debiased by its delta-method inner variance (`squaredRatioDifference`), as the P(outcome) study
 * debiases by the paired binomial variance. A base point with a set whose baseline saw no outcome
 * has an undefined ratio: it is left out, counted and warned of, never set to a value.
 */
export function summarizeRatioSobol(
  parameters: readonly string[],
  safeguard: string,
  groups: readonly SobolCounts[],
  meta: SobolMeta,
): SobolResult {
  const k = parameters.length;
  const r = meta.repetitions;
  const pairs = ratioSobolPairs(k);
  const rows: { ab: number; total: number[]; first: number[] }[] = [];
  let mean = 0;
  let noise = 0;
  const baselineHits: number[] = [];
  for (const g of groups) {
    for (let s = 0; s < k + 2; s++) baselineHits.push(g.counts[2 * s]);
    const counts = jointCounts(r, g.counts, pairs, g.pairs);
    const sq = (s: number, t: number) => squaredRatioDifference(counts, setArms(s), setArms(t));
    const ab = sq(0, 1);
    const total = parameters.map((_, i) => sq(0, 2 + i));
    const first = parameters.map((_, i) => sq(1, 2 + i));
    if (ab === null || total.includes(null) || first.includes(null)) continue;
    rows.push({ ab, total: total as number[], first: first as number[] });
    for (const s of [0, 1]) {
      const one = ratioContrast(counts, [{ arms: setArms(s), weight: 1 }]);
      mean += one?.estimate ?? 0;
      noise += one?.variance ?? 0;
    }
  }
  const excluded = groups.length - rows.length;
  if (rows.length < 2) {
    const message = `the ratio is undefined at ${excluded} of ${groups.length} base points (no outcome at baseline): raise it`;
    throw new InputError([{ path: 'repetitions', message }]);
  }
  const n = rows.length;
  const terms = {
    ab: Float64Array.from(rows, (x) => x.ab),
    total: parameters.map((_, i) => Float64Array.from(rows, (x) => x.total[i])),
    first: parameters.map((_, i) => Float64Array.from(rows, (x) => x.first[i])),
  };
  baselineHits.sort((a, b) => a - b);
  const medianBaselineHits = baselineHits[Math.floor(baselineHits.length / 2)];
  const warnings: string[] = [];
  if (excluded > 0) {
    warnings.push(
      `${excluded} of ${groups.length} base points left out: a parameter set there saw no outcome at baseline, so its ratio is undefined; the indices describe the rest (raise --repetitions)`,
    );
  }
  if (medianBaselineHits < 10) {
    warnings.push(
      `a parameter set's baseline saw the outcome ${medianBaselineHits} times (median): the ratio's inner-noise correction is first order in 1/hits; raise --repetitions`,
    );
  }
  return sobolResult(
    parameters,
    terms,
    {
      mean: mean / (2 * n),
      noise: noise / (2 * n),
      drawn: groups.length,
      runs: groups.length * 2 * (k + 2) * r,
      ratio: { safeguard, excludedBasePoints: excluded, medianBaselineHits },
      warnings,
    },
    meta,
  );
}
