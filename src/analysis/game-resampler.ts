import { normalFrom, Rng } from '../random/index.ts';
import { packed, type GameChunkResult } from './game-chunk.ts';

/** Stream of the payoff resampling's draws, apart from every trial's streams. */
export const RESAMPLE_STREAM = 0x6a3e_0001;

/**
 * Draws of the indicator means from their sampling distribution: the normal with the estimated
 * covariance of the means (one Monte Carlo run's own paired covariance across profiles), clipped to
 * [0, 1]. Resampling whole vectors keeps the common-random-number correlation, so a unilateral
 * deviation's payoff difference varies as little in the draws as it does between seeds.
 */
export class MeanResampler {
  readonly means: Float64Array;
  private readonly chol: Float64Array;
  private readonly z: Float64Array;
  private readonly rng: Rng;

  /** `index` picks one of many independent resampling streams of a seed. Default 0. */
  constructor(totals: GameChunkResult, seed: number, index = 0) {
    const d = totals.sums.length;
    const n = Math.max(1, totals.trials);
    this.means = Float64Array.from(totals.sums, (s) => s / n);
    const m = this.means;
    // cov(mean_a, mean_b) = (E[x_a x_b] − m_a m_b) / n.
    const cov = new Float64Array(d * d);
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const c = (totals.cross[packed(a, b, d)] / n - m[a] * m[b]) / n;
        cov[a * d + b] = c;
        cov[b * d + a] = c;
      }
    }
    this.chol = cholesky(cov, d);
    this.z = new Float64Array(d);
    this.rng = new Rng(seed, index, RESAMPLE_STREAM);
  }

  /** One draw of the means into `out`. */
  draw(out: Float64Array): void {
    const d = this.means.length;
    const { z, chol, rng } = this;
    for (let i = 0; i < d; i++) z[i] = normalFrom(rng.next(), rng.next());
    for (let i = 0; i < d; i++) {
      let x = this.means[i];
      for (let k = 0; k <= i; k++) x += chol[i * d + k] * z[k];
      out[i] = Math.min(1, Math.max(0, x));
    }
  }
}

/**
 * Lower Cholesky factor of a covariance matrix that may be singular (identical profiles, outcomes
 * never seen): a pivot at or below rounding noise leaves its column zero, so the draw repeats the
 * dependence exactly instead of failing.
 */
export function cholesky(cov: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  let scale = 0;
  for (let i = 0; i < d; i++) scale = Math.max(scale, cov[i * d + i]);
  const eps = 1e-12 * Math.max(scale, 1e-300);
  for (let j = 0; j < d; j++) {
    let diag = cov[j * d + j];
    for (let k = 0; k < j; k++) diag -= l[j * d + k] * l[j * d + k];
    if (diag <= eps) continue;
    const root = Math.sqrt(diag);
    l[j * d + j] = root;
    for (let i = j + 1; i < d; i++) {
      let s = cov[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = s / root;
    }
  }
  return l;
}
