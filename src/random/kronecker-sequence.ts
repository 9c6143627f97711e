import type { Rng } from './rng.ts';

/**
 * A low-discrepancy sequence in `dims` dimensions: point n is frac(shift + n·α) with α_j the powers
 * of 1/φ_d, φ_d the generalized golden ratio (the positive root of x^(d+1) = x + 1; Roberts 2018,
 * "The unreasonable effectiveness of quasirandom sequences"). It needs no table of direction
 * numbers, any number of points is as balanced as the sequence allows, and a random shift
 * (Cranley–Patterson) drawn from the seed makes every point uniform, so estimates stay unbiased.
 */
export class KroneckerSequence {
  private readonly alpha: Float64Array;
  private readonly shift: Float64Array;

  /** `rng` draws the shift; without it the shift is ½ in every dimension. */
  constructor(
    readonly dims: number,
    rng?: Rng,
  ) {
    let phi = 2;
    for (let i = 0; i < 100; i++) phi = Math.pow(1 + phi, 1 / (dims + 1));
    this.alpha = Float64Array.from({ length: dims }, (_, j) => Math.pow(1 / phi, j + 1) % 1);
    this.shift = Float64Array.from({ length: dims }, () => (rng ? rng.next() : 0.5));
  }

  /** Point n (n ≥ 0) into `out`, every coordinate in (0, 1). */
  point(n: number, out: Float64Array = new Float64Array(this.dims)): Float64Array {
    for (let j = 0; j < this.dims; j++) {
      const x = (this.shift[j] + n * this.alpha[j]) % 1;
      // Exactly 0 would be an infinite quantile of an unbounded distribution.
      out[j] = x > 0 ? x : Number.MIN_VALUE;
    }
    return out;
  }
}
