import type { MeanEstimate, ProportionEstimate } from '../index.ts';

/** A probability for people: percent down to 0.1%, then scientific notation. */
export function formatProbability(p: number): string {
  if (p === 0) return '0';
  if (p >= 0.001) return `${(100 * p).toPrecision(3)}%`;
  return p.toExponential(2);
}

/** `p ± se [lo, hi] rel. err x%`, the form every probability is printed in, all in one unit. */
export function formatEstimate(e: ProportionEstimate): string {
  const rel = e.relErr === null ? 'no events yet' : `rel. err ${(100 * e.relErr).toFixed(1)}%`;
  const f = unitFor(e.ci95[1]);
  return `${f(e.p).padStart(9)} ± ${f(e.stderr).padEnd(8)} 95% CI [${f(e.ci95[0])}, ${f(e.ci95[1])}]  ${rel}`;
}

/** Percent when the interval reaches 0.1%, else scientific notation. */
function unitFor(upper: number): (x: number) => string {
  if (upper >= 0.001) return (x) => (x === 0 ? '0%' : `${(100 * x).toPrecision(3)}%`);
  return (x) => (x === 0 ? '0' : x.toExponential(2));
}

export function formatMean(e: MeanEstimate, digits = 3): string {
  const f = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(digits));
  return `${f(e.mean).padStart(9)} ± ${f(e.stderr)}`;
}

export function formatInteger(n: number): string {
  return n.toLocaleString('en-US');
}

/** Minutes as `day D hh:mm`. */
export function formatClock(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  return `day ${day} ${String(h).padStart(2, '0')}:${m.toFixed(1).padStart(4, '0')}`;
}
