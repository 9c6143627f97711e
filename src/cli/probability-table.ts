import type { ProportionEstimate } from '../index.ts';
import { estimateCells, estimateValues, probabilityFormat } from './format.ts';
import { table } from './table.ts';

/**
 * Rows of probabilities with their standard error, 95% interval and relative error, all in one
 * format chosen from the whole table, under `title`.
 */
export function probabilityTable(
  title: string,
  interval: string,
  rows: readonly (readonly [string, ProportionEstimate])[],
): string[] {
  const f = probabilityFormat(rows.flatMap(([, e]) => estimateValues(e)));
  return table(
    [
      { header: title },
      { header: 'estimate', align: 'right' },
      { header: 'std. error' },
      { header: `95% interval (${interval})` },
      { header: 'rel. error', align: 'right' },
    ],
    rows.map(([name, e]) => [name, ...estimateCells(e, f)]),
    '',
  );
}
