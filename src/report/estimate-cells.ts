import type { ProportionEstimate } from '../estimate/index.ts';
import type { Cell, DataColumn } from './data-table.ts';

/** The four columns of a probability: `prefix`, its std. error and its 95% interval. */
export function estimateColumns(prefix: string): DataColumn[] {
  return ['', '_stderr', '_ci_low', '_ci_high'].map((s) => ({
    name: `${prefix}${s}`,
    type: 'number',
  }));
}

/** The cells under `estimateColumns`, exactly the numbers of the JSON result. */
export function estimateCells(e: ProportionEstimate): Cell[] {
  return [e.p, e.stderr, e.ci95[0], e.ci95[1]];
}
