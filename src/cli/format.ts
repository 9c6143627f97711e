import type { MeanEstimate, ProportionEstimate } from '../index.ts';

/** Below this a column of probabilities is in scientific notation, above it in percent. */
const PERCENT_FLOOR = 1e-4;

/**
 * One format for a whole column (or table) of probabilities, chosen from its largest value:
 * percent with three significant digits, or scientific notation when everything is rarer than
 * 0.01%. Zero prints as `0%` or `0` accordingly.
 */
export function probabilityFormat(values: readonly number[]): (x: number) => string {
  let largest = 0;
  for (const v of values) if (v > largest) largest = v;
  if (largest >= PERCENT_FLOOR || largest === 0)
    return (x) => (x === 0 ? '0%' : `${(100 * x).toPrecision(3)}%`);
  return (x) => (x === 0 ? '0' : x.toExponential(2));
}

/** Every number an estimate prints, so a table can choose its one format from them all. */
export function estimateValues(e: ProportionEstimate): number[] {
  return [e.p, e.stderr, e.ci95[0], e.ci95[1]];
}

/** The cells of a probability row: estimate, ± std. error, 95% interval, relative error. */
export function estimateCells(e: ProportionEstimate, f: (x: number) => string): string[] {
  const rel = e.relErr === null ? 'no events yet' : `${(100 * e.relErr).toFixed(1)}%`;
  return [f(e.p), `± ${f(e.stderr)}`, `[${f(e.ci95[0])}, ${f(e.ci95[1])}]`, rel];
}

/** `p ± se`, in the format its table chose. */
export function estimateWithError(e: ProportionEstimate, f: (x: number) => string): string {
  return `${f(e.p)} ± ${f(e.stderr)}`;
}

/** A single probability on its own (a list's headline): its own format. */
export function formatProbability(p: number): string {
  return probabilityFormat([p])(p);
}

export function formatMean(e: MeanEstimate, digits = 3): string {
  const f = (x: number) =>
    x === 0 ? '0' : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(digits);
  return `${f(e.mean)} ± ${f(e.stderr)}`;
}

export function formatInteger(n: number): string {
  return n.toLocaleString('en-US');
}

/** "false alarm (sensor false alarm)", but never "decapitation misread (decapitation misread)". */
export function causeAndOrigin(cause: string, origin: string | null): string {
  const words = cause.replaceAll('_', ' ');
  return origin === null || origin === words ? words : `${words} (${origin})`;
}

/** Minutes as `day D hh:mm`. */
export function formatClock(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const rest = minutes - day * 1440;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  return `day ${day} ${String(h).padStart(2, '0')}:${m.toFixed(1).padStart(4, '0')}`;
}
