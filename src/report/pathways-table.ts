import type { PathwaysResult } from '../analysis/index.ts';
import { columns, type DataTable } from './data-table.ts';
import { estimateCells, estimateColumns } from './estimate-cells.ts';

/** One row per pathway, most frequent first: its share of the risk and its P per crisis. */
export function pathwaysTable(result: PathwaysResult): DataTable {
  return {
    columns: [
      ...columns(['rank', 'number'], ['path', 'string'], ['cause', 'string'], ['uses', 'number']),
      ...estimateColumns('share'),
      ...estimateColumns('p'),
      ...columns(['example_trial', 'number']),
    ],
    rows: result.pathways.map((p, i) => [
      i + 1,
      p.path,
      p.cause,
      p.uses,
      ...estimateCells(p.share),
      ...estimateCells(p.probability),
      p.exampleTrial,
    ]),
  };
}
