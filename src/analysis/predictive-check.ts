import { poissonCdf } from '../estimate/index.ts';

/** Where the observed count falls in the posterior predictive distribution of its stage. */
export interface PredictiveCheck {
  /** Posterior predictive mean count over the stage's exposure. */
  readonly mean: number;
  /** Central 90% predictive interval of the count. */
  readonly interval90: readonly [number, number];
  /** Two-sided tail probability of the observed count, 2 × min(P(X ≤ k), P(X ≥ k)), capped at 1. */
  readonly pValue: number;
}

/**
 * The predictive distribution of a stage's count over `exposure` trials is a mixture over the
 * weighted draws of Poisson(exposure × simulated rate of the draw): plug-in rates, so the Monte
 * Carlo noise of each draw's rate is not added (it is small beside the Poisson spread when each
 * draw runs more trials than the exposure).
 */
export function predictiveCheck(
  observed: number,
  exposure: number,
  rates: Float64Array,
  weights: Float64Array,
): PredictiveCheck {
  const kept: [number, number][] = [];
  let top = 0;
  for (const w of weights) top = Math.max(top, w);
  rates.forEach((r, j) => {
    if (weights[j] > 1e-9 * top) kept.push([weights[j], exposure * r]);
  });
  const total = kept.reduce((s, [w]) => s + w, 0);
  const cdf = (k: number) => kept.reduce((s, [w, m]) => s + w * poissonCdf(k, m), 0) / total;
  const mean = kept.reduce((s, [w, m]) => s + w * m, 0) / total;
  const hi = Math.ceil(kept.reduce((s, [, m]) => Math.max(s, m + 10 * Math.sqrt(m) + 10), 0));
  const quantile = (q: number) => {
    let lo = -1;
    let up = hi;
    // Least k with P(X ≤ k) ≥ q.
    while (up - lo > 1) {
      const mid = Math.floor((lo + up) / 2);
      if (cdf(mid) >= q) up = mid;
      else lo = mid;
    }
    return up;
  };
  const below = cdf(observed);
  const above = observed === 0 ? 1 : 1 - cdf(observed - 1);
  return {
    mean,
    interval90: [quantile(0.05), quantile(0.95)],
    pValue: Math.min(1, 2 * Math.min(below, above)),
  };
}
