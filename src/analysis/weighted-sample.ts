/** Summary of a weighted sample: mean, standard error and 5%, 50% and 95% quantiles. */
export interface WeightedSummary {
  readonly mean: number;
  /** Self-normalised importance-sampling error: sqrt(Σ ŵ² (x − mean)²) with ŵ summing to 1. */
  readonly stderr: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
}

/** Weights scaled to sum to 1 (all equal when every weight is 0). */
export function normalizeWeights(weights: Float64Array): Float64Array {
  let total = 0;
  for (const w of weights) total += w;
  return total > 0
    ? weights.map((w) => w / total)
    : weights.map(() => 1 / Math.max(1, weights.length));
}

/** Kish's effective sample size, (Σ w)² / Σ w². */
export function effectiveSize(weights: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Mean, error and quantiles of values under normalised weights. */
export function weightedSummary(values: Float64Array, weights: Float64Array): WeightedSummary {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += weights[i] * values[i];
  let v = 0;
  for (let i = 0; i < values.length; i++) v += (weights[i] * (values[i] - mean)) ** 2;
  return {
    mean,
    stderr: Math.sqrt(v),
    p05: weightedQuantile(values, weights, 0.05),
    p50: weightedQuantile(values, weights, 0.5),
    p95: weightedQuantile(values, weights, 0.95),
  };
}

/**
 * Quantile of a weighted sample: each value holds the middle of its weight's stretch of the
 * cumulative distribution, interpolated linearly between (equal weights give Hazen's rule).
 */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  let cumulative = 0;
  let prev = NaN;
  let prevAt = 0;
  for (const i of order) {
    const at = cumulative + weights[i] / 2;
    cumulative += weights[i];
    if (weights[i] === 0) continue;
    if (q <= at) {
      if (Number.isNaN(prev)) return values[i];
      return prev + ((q - prevAt) / (at - prevAt)) * (values[i] - prev);
    }
    prev = values[i];
    prevAt = at;
  }
  return Number.isNaN(prev) ? NaN : prev;
}
