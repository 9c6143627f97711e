import type { RunDetail } from '../store/index.ts';
import { columns, type DataTable } from './data-table.ts';

/**
 * One row per stored run: what it was (kind, status, scenario, options, seed, version, times) and
 * its headline P(nuclear use) with its 95% interval (a comparison's baseline's).
 */
export function runsTable(runs: readonly RunDetail[]): DataTable {
  return {
    columns: columns(
      ['id', 'number'],
      ['label', 'string'],
      ['kind', 'string'],
      ['status', 'string'],
      ['scenario_name', 'string'],
      ['scenario_hash', 'string'],
      ['source', 'string'],
      ['sets', 'string'],
      ['safeguards', 'string'],
      ['what_ifs', 'string'],
      ['method', 'string'],
      ['seed', 'number'],
      ['runs', 'number'],
      ['target_rel_error', 'number'],
      ['version', 'string'],
      ['created_at', 'string'],
      ['finished_at', 'string'],
      ['p', 'number'],
      ['p_ci_low', 'number'],
      ['p_ci_high', 'number'],
    ),
    rows: runs.map((r) => [
      Number(r.id),
      r.label,
      r.kind,
      r.status,
      r.scenarioName,
      r.scenarioHash,
      r.options.source,
      r.options.sets.join(' '),
      r.options.safeguards.join(' '),
      r.whatIfs.join('; '),
      r.options.method ?? null,
      r.seed,
      r.runs,
      r.options.targetRelError,
      r.version,
      r.createdAt,
      r.finishedAt,
      r.headline?.p ?? null,
      r.headline?.low ?? null,
      r.headline?.high ?? null,
    ]),
  };
}
