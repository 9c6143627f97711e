import type { Rng } from '../random/index.ts';

/**
 * Per base point n of a Saltelli design (matrices A, B and A_B^i, A with column i from B), the
 * unbiased squared differences of the mean outcome: `ab[n]` ≈ (f(A) − f(B))², `total[i][n]` ≈
 * (f(A) − f(A_B^i))², `first[i][n]` ≈ (f(B) − f(A_B^i))². For a simulator each is a paired squared
 * difference less its inner Monte Carlo variance (`squaredDifference`); for a function, exact.
 */
export interface SobolTerms {
  readonly ab: Float64Array;
  readonly total: readonly Float64Array[];
  readonly first: readonly Float64Array[];
}

/** An index with its bootstrap percentile interval. */
export interface IndexEstimate {
  readonly estimate: number;
  readonly ci: readonly [number, number];
}

export interface SobolEstimate {
  /** Var f over the parameters (inner noise removed), with its interval. */
  readonly variance: IndexEstimate;
  readonly first: readonly IndexEstimate[];
  readonly total: readonly IndexEstimate[];
}

/**
 * First- and total-order Sobol indices by Jansen's estimators on the debiased squared differences:
 * V = ½ E(f_A − f_B)², V_Ti = ½ E(f_A − f_ABi)² (Jansen 1999, as recommended by Saltelli et al. 2010),
 * V_i = V − ½ E(f_B − f_ABi)²; S_i = V_i / V, S_Ti = V_Ti / V. Intervals by resampling base points
 * with replacement (`resamples` times; each base point's inner trials are its own, so resampling
 * carries inner noise and parameter sampling alike), at `level` (default 0.95).
 */
export function sobolIndices(
  terms: SobolTerms,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): SobolEstimate {
  const n = terms.ab.length;
  const k = terms.total.length;
  const estimate = (weights: Float64Array | null) => {
    const mean = (xs: Float64Array) => {
      let s = 0;
      for (let j = 0; j < n; j++) s += (weights ? weights[j] : 1) * xs[j];
      return s / (2 * n);
    };
    const v = mean(terms.ab);
    return {
      v,
      first: terms.first.map((f) => (v - mean(f)) / v),
      total: terms.total.map((t) => mean(t) / v),
    };
  };
  const point = estimate(null);
  const draws = {
    v: new Float64Array(resamples),
    first: [] as Float64Array[],
    total: [] as Float64Array[],
  };
  for (let i = 0; i < k; i++) {
    draws.first.push(new Float64Array(resamples));
    draws.total.push(new Float64Array(resamples));
  }
  const weights = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let j = 0; j < n; j++) weights[Math.floor(rng.next() * n)]++;
    const e = estimate(weights);
    draws.v[b] = e.v;
    for (let i = 0; i < k; i++) {
      draws.first[i][b] = e.first[i];
      draws.total[i][b] = e.total[i];
    }
  }
  const tail = (1 - level) / 2;
  const ci = (xs: Float64Array): [number, number] => {
    const sorted = Float64Array.from(xs).sort();
    const at = (q: number) =>
      sorted[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))];
    return [at(tail), at(1 - tail)];
  };
  return {
    variance: { estimate: point.v, ci: ci(draws.v) },
    first: point.first.map((estimate, i) => ({ estimate, ci: ci(draws.first[i]) })),
    total: point.total.map((estimate, i) => ({ estimate, ci: ci(draws.total[i]) })),
  };
}
