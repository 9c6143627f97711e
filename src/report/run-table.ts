import type { RunResult } from '../runner/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';
import { COUNT_NAMES } from '../engine/index.ts';
import { columns, type Cell, type DataTable } from './data-table.ts';

/**
 * A run's estimates, one per row: `measure` says which (nuclear_use, by_cause, by_origin,
 * first_use, highest_rung, days_to_use, count), `actor` and `name` which one.
 */
export function runTable(result: RunResult): DataTable {
  const o = result.outcomes;
  const rows: Cell[][] = [];
  const p = (
    measure: string,
    actor: string | null,
    name: string | null,
    e: RunResult['outcomes']['nuclearUse'],
  ) => rows.push([measure, actor, name, e.p, e.stderr, e.ci95[0], e.ci95[1], e.relErr]);
  const mean = (
    measure: string,
    name: string | null,
    e: { mean: number; stderr: number; ci95: readonly [number, number] },
  ) => rows.push([measure, null, name, e.mean, e.stderr, e.ci95[0], e.ci95[1], null]);
  p('nuclear_use', null, null, o.nuclearUse);
  for (const cause of CAUSES) p('by_cause', null, cause, o.byCause[cause]);
  for (const [origin, e] of Object.entries(o.byOrigin)) p('by_origin', null, origin, e);
  for (const actor of result.scenario.actors) p('first_use', actor, null, o.firstUse[actor]);
  for (const actor of result.scenario.actors)
    for (const rung of RUNGS) p('highest_rung', actor, rung, o.highestRung[actor][rung]);
  if (o.daysToUse) mean('days_to_use', null, o.daysToUse);
  for (const name of COUNT_NAMES) mean('count', name, o.counts[name]);
  return {
    columns: columns(
      ['measure', 'string'],
      ['actor', 'string'],
      ['name', 'string'],
      ['estimate', 'number'],
      ['stderr', 'number'],
      ['ci_low', 'number'],
      ['ci_high', 'number'],
      ['rel_err', 'number'],
    ),
    rows,
  };
}
