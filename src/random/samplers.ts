import type { Rng } from './rng.ts';

/** Exponential waiting time with the given rate (events per unit time); Infinity when rate is 0. */
export function exponential(rng: Rng, rate: number): number {
  return rate > 0 ? -Math.log(rng.nextOpen()) / rate : Infinity;
}

/** Standard normal by Box-Muller, one draw per call (two uniforms) so streams stay aligned. */
export function standardNormal(rng: Rng): number {
  const u = rng.nextOpen();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Standard normal by Box-Muller from two given uniforms in [0, 1) (marks drawn ahead). */
export function normalFrom(u: number, v: number): number {
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal given its median and the standard deviation of its log; sigma 0 returns the median. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return sigma > 0 ? median * Math.exp(sigma * standardNormal(rng)) : median;
}

/** Bernoulli trial; consumes exactly one uniform whatever p is, keeping streams aligned. */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}
