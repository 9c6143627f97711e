import type { Rng } from './rng.ts';

/** Exponential waiting time with the given rate (events per unit time); Infinity when rate is 0. */
export function exponential(rng: Rng, rate: number): number {
  return rate > 0 ? -Math.log(rng.nextOpen()) / rate : Infinity;
}

/** Standard normal by Box-Muller from two given uniforms in (0, 1) (an event's marks). */
export function normalFrom(u: number, v: number): number {
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
}
