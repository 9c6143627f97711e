import { Z95 } from './proportion.ts';

/** A mean with its uncertainty (normal approximation, fine for the trial counts we average). */
export interface MeanEstimate {
  readonly mean: number;
  readonly stderr: number;
  readonly ci95: readonly [number, number];
}

/**
 * Mean from a sum and a sum of squares. Inputs are sums of integers (exact in doubles below 2^53),
 * so merged shards give the same answer as one run; the variance is clamped at 0 against rounding.
 */
export function estimateMean(sum: number, sumSquares: number, n: number): MeanEstimate {
  if (n <= 0) return { mean: 0, stderr: 0, ci95: [0, 0] };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
  const stderr = Math.sqrt(variance / n);
  return { mean, stderr, ci95: [mean - Z95 * stderr, mean + Z95 * stderr] };
}
