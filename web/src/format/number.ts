/** Number formatting shared by every view: each estimate is shown with its uncertainty. */

interface Interval {
  readonly low: number;
  readonly high: number;
}

/** A probability as a percent with digits enough to tell small risks apart. */
export function percent(p: number): string {
  const x = 100 * p;
  if (x === 0) return '0%';
  if (x >= 10) return `${x.toFixed(1)}%`;
  if (x >= 0.1) return `${x.toFixed(2)}%`;
  return `${x.toPrecision(2)}%`;
}

/** "0.90% (95% CI 0.57–1.42%)". */
export function percentWithInterval(p: number, { low, high }: Interval): string {
  return `${percent(p)} (95% CI ${percent(low).replace('%', '')}–${percent(high)})`;
}

/** A plain number with up to `digits` significant digits, grouped. */
export function number(x: number, digits = 3): string {
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return x.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** "3.75 (95% CI 3.66–3.84)". */
export function numberWithInterval(x: number, { low, high }: Interval, digits = 3): string {
  return `${number(x, digits)} (95% CI ${number(low, digits)}–${number(high, digits)})`;
}

/** A ratio: "0.11 (95% CI 0.030–0.41)". */
export function ratioWithInterval(x: number, { low, high }: Interval): string {
  return `${number(x, 2)} (95% CI ${number(low, 2)}–${number(high, 2)})`;
}

export function integer(n: number): string {
  return n.toLocaleString('en-US');
}

/** `false_alarm` or `falseAlarmsReachingDecision` as words. */
export function words(name: string): string {
  return name
    .replaceAll('_', ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Minutes since the crisis began as "day 7, 01:35". */
export function clock(minute: number): string {
  const day = Math.floor(minute / 1440);
  const rest = minute - day * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(Math.floor(rest % 60)).padStart(2, '0');
  return `day ${day}, ${hh}:${mm}`;
}

/** A `ci95` pair as the `{ low, high }` the formatters take. */
export function ci([low, high]: readonly [number, number]): Interval {
  return { low, high };
}

/** "false alarm, from sensor false alarm", but never "decapitation misread, from decapitation misread". */
export function causeFrom(cause: string, origin: string | null, joiner = ', from '): string {
  const name = words(cause);
  return origin === null || origin === name ? name : `${name}${joiner}${origin}`;
}
