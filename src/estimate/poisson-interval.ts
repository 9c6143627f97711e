import { logFactorial } from '../random/index.ts';

/**
 * Exact (Garwood) interval for a Poisson rate from `k` events over `exposure` units: the rates
 * at which seeing k or more, and k or fewer, each have probability (1 − level) / 2. With k = 0
 * the lower end is 0 and the upper −ln((1 − level) / 2) / exposure (3.69 at 95%).
 */
export function poissonInterval(k: number, exposure: number, level = 0.95): [number, number] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`invalid count: ${k}`);
  if (!(exposure > 0)) throw new RangeError(`invalid exposure: ${exposure}`);
  const tail = (1 - level) / 2;
  // P(X ≤ k) falls with the mean: the upper end solves P(X ≤ k) = tail, the lower P(X ≥ k) = tail.
  const upper = solve((m) => poissonCdf(k, m) - tail, k);
  const lower = k === 0 ? 0 : solve((m) => tail - (1 - poissonCdf(k - 1, m)), k);
  return [lower / exposure, upper / exposure];
}

/** P(X ≤ k) for X ~ Poisson(mean), summed in log space from the mode outwards for stability. */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  const logTerm = (i: number) => i * Math.log(mean) - mean - logFactorial(i);
  let sum = 0;
  // Terms far below the largest one add nothing: start near the top and stop once negligible.
  const top = Math.min(k, Math.floor(mean));
  const peak = logTerm(top);
  for (let i = top; i >= 0; i--) {
    const t = Math.exp(logTerm(i) - peak);
    sum += t;
    if (t < 1e-17 * sum) break;
  }
  for (let i = top + 1; i <= k; i++) {
    const t = Math.exp(logTerm(i) - peak);
    sum += t;
    if (t < 1e-17 * sum) break;
  }
  return Math.min(1, sum * Math.exp(peak));
}

/** The root of a function that decreases in the mean, by bisection on a bracket grown from k. */
function solve(f: (mean: number) => number, k: number): number {
  let lo = 0;
  let hi = Math.max(1, 2 * k + 10);
  while (f(hi) > 0) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
