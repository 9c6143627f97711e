import type { Difference } from './paired-difference.ts';
import { Z95 } from './proportion.ts';

/**
 * Outcome counts of several arms run on the same n trials (common random numbers): `hits[i]` trials
 * with the outcome in arm i, and `both(i, j)` trials with it in arms i and j alike, for every pair
 * a contrast below touches.
 */
export interface JointCounts {
  readonly trials: number;
  readonly hits: readonly number[];
  readonly both: (i: number, j: number) => number;
}

/** A risk ratio p(variant) / p(baseline) of two arms of `JointCounts`. */
export interface RatioArms {
  readonly baseline: number;
  readonly variant: number;
}

/** A linear combination Σ a_s r_s of risk ratios, with the inner Monte Carlo variance of its estimate. */
export interface RatioContrast {
  readonly estimate: number;
  readonly variance: number;
}

/**
 * Σ a_s r̂_s with r̂_s = hits[variant] / hits[baseline], and its variance by the delta method over
 * trials: r̂_s − r_s ≈ mean_t (y_variant − r_s y_baseline) / p_baseline, so the contrast is a mean of
 * ψ_t = Σ_i w_i y_it, whose sample variance needs only the joint counts (Σ w_i p̂_i = 0 at the
 * plug-in ratios, hence var = n/(n − 1) · Σ_ij w_i w_j both_ij / n, divided by n for the mean).
 * Null when a baseline arm saw no outcome: its ratio is undefined, and the caller must say so.
 */
export function ratioContrast(
  counts: JointCounts,
  terms: readonly { readonly arms: RatioArms; readonly weight: number }[],
): RatioContrast | null {
  const n = counts.trials;
  const w = new Map<number, number>();
  const add = (arm: number, x: number) => w.set(arm, (w.get(arm) ?? 0) + x);
  let estimate = 0;
  for (const { arms, weight } of terms) {
    const h0 = counts.hits[arms.baseline];
    if (h0 === 0 || n === 0) return null;
    const r = counts.hits[arms.variant] / h0;
    estimate += weight * r;
    add(arms.variant, (weight * n) / h0);
    add(arms.baseline, (-weight * r * n) / h0);
  }
  if (n < 2) return { estimate, variance: 0 };
  const arms = [...w.keys()];
  let square = 0;
  for (const i of arms) {
    for (const j of arms) {
      const m = i === j ? counts.hits[i] : counts.both(Math.min(i, j), Math.max(i, j));
      square += (w.get(i) ?? 0) * (w.get(j) ?? 0) * (m / n);
    }
  }
  return { estimate, variance: Math.max(0, square) / (n - 1) };
}

/** r̂(second) − r̂(first) on the same trials, with its delta-method interval; null if either is undefined. */
export function ratioDifference(
  counts: JointCounts,
  first: RatioArms,
  second: RatioArms,
): Difference | null {
  const c = ratioContrast(counts, [
    { arms: second, weight: 1 },
    { arms: first, weight: -1 },
  ]);
  if (c === null) return null;
  const stderr = Math.sqrt(c.variance);
  return {
    estimate: c.estimate,
    stderr,
    ci95: [c.estimate - Z95 * stderr, c.estimate + Z95 * stderr],
  };
}

/**
 * (r(second) − r(first))² less the inner variance of the estimated difference, the ratio analogue
 * of `squaredDifference`: the Sobol estimator sums these, so inner noise adds spread, not
 * sensitivity (to first order in 1/(n p), the delta method's order). Null if either is undefined.
 */
export function squaredRatioDifference(
  counts: JointCounts,
  first: RatioArms,
  second: RatioArms,
): number | null {
  const d = ratioDifference(counts, first, second);
  return d === null ? null : d.estimate * d.estimate - d.stderr * d.stderr;
}

/** Joint counts from arm hits and paired counts `[both, first only, second only]` of listed pairs. */
export function jointCounts(
  trials: number,
  hits: readonly number[],
  pairs: readonly (readonly [number, number])[],
  counts: readonly (readonly [number, number, number])[],
): JointCounts {
  const index = new Map<string, number>();
  pairs.forEach(([i, j], p) => index.set(`${Math.min(i, j)},${Math.max(i, j)}`, p));
  return {
    trials,
    hits,
    both: (i, j) => {
      const p = index.get(`${i},${j}`);
      if (p === undefined) throw new Error(`arms ${i} and ${j} were not paired`);
      return counts[p][0];
    },
  };
}
