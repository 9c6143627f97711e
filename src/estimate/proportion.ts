/** A probability with its uncertainty, as every command prints and serialises it. */
export interface ProportionEstimate {
  readonly p: number;
  readonly stderr: number;
  /**
   * 95% interval: Wilson score for plain sampling (honest near 0 and 1), normal for importance
   * sampling (whose weighted mean has no binomial form).
   */
  readonly ci95: readonly [number, number];
  /** stderr / p; null when p is 0 (no events yet: the relative error is unbounded). */
  readonly relErr: number | null;
  /**
   * Importance sampling only: the effective number of trials carrying the estimate,
   * (Σ w)² / Σ w² over trials with the outcome. Few means a handful of weights decide it.
   */
  readonly ess?: number;
}

export const Z95 = 1.959963984540054;

/** Estimate of a Bernoulli probability from k successes in n trials. */
export function estimateProportion(k: number, n: number): ProportionEstimate {
  if (n <= 0) return { p: 0, stderr: 0, ci95: [0, 1], relErr: null };
  const p = k / n;
  const stderr = Math.sqrt((p * (1 - p)) / n);
  return { p, stderr, ci95: wilson(k, n), relErr: p > 0 ? stderr / p : null };
}

export function wilson(k: number, n: number, z = Z95): [number, number] {
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Exact endpoints at k = 0 and k = n, where rounding could leave a hair outside [0, 1].
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
