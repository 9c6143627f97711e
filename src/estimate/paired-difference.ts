import { Z95 } from './proportion.ts';

/** A difference of two probabilities estimated on the same trials, with its paired interval. */
export interface Difference {
  readonly estimate: number;
  readonly stderr: number;
  readonly ci95: readonly [number, number];
}

/**
 * p(second) − p(first) from paired counts (first only, second only, of n trials): only
 * discordant trials carry information, var = [(b + c)/n − d²] / n as in `pairedEstimate`.
 */
export function pairedDifference(first: number, second: number, n: number): Difference {
  if (n <= 0) return { estimate: 0, stderr: 0, ci95: [-1, 1] };
  const d = (second - first) / n;
  const stderr = Math.sqrt(Math.max(0, (first + second) / n - d * d) / n);
  return { estimate: d, stderr, ci95: [d - Z95 * stderr, d + Z95 * stderr] };
}

/**
 * Unbiased estimate of (p(second) − p(first))² from paired counts: the squared mean difference
 * less its own sampling variance, s²/n with s² the per-trial variance of the difference. The Sobol
 * estimator sums these, so inner Monte Carlo noise adds spread but no bias.
 */
export function squaredDifference(first: number, second: number, n: number): number {
  const d = (second - first) / n;
  if (n < 2) return d * d;
  const s2 = ((first + second) / n - d * d) * (n / (n - 1));
  return d * d - s2 / n;
}
