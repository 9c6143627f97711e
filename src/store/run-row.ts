import type { RunStatus, RunSummaryRow } from './run-record.ts';

/** A row of `runs` as SQLite returns it (SQLite does not enforce column types). */
export interface Row {
  id: number;
  kind: RunSummaryRow['kind'];
  status: Exclude<RunStatus, 'interrupted'>;
  scenario_name: string;
  scenario_hash: string;
  scenario_text: string;
  options: string;
  seed: number;
  runs: number | null;
  version: string;
  owner_pid: number;
  owner_host: string;
  created_at: number;
  finished_at: number | null;
  result: string | null;
  headline_p: number | null;
  headline_low: number | null;
  headline_high: number | null;
  error: string | null;
}

const KINDS: readonly unknown[] = ['run', 'compare'];
const STATUSES: readonly unknown[] = ['running', 'done', 'cancelled', 'failed'];

const isTime = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && !Number.isNaN(new Date(v).getTime());
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown) => typeof v === 'string';
const show = (v: unknown) => (typeof v === 'string' ? `'${v.slice(0, 40)}'` : String(v));

/**
 * What is wrong with a row's summary columns (written by hand, by another tool or by a bug), or
 * undefined when it can be listed: one bad row must never make the whole list unreadable.
 */
export function summaryProblem(row: Row): string | undefined {
  const checks: [keyof Row, boolean, string][] = [
    ['kind', KINDS.includes(row.kind), 'run or compare'],
    ['status', STATUSES.includes(row.status), 'a status'],
    ['scenario_name', isText(row.scenario_name), 'text'],
    ['scenario_hash', isText(row.scenario_hash), 'text'],
    ['version', isText(row.version), 'text'],
    ['seed', isNumber(row.seed), 'a number'],
    ['runs', row.runs === null || isNumber(row.runs), 'a number'],
    ['created_at', isTime(row.created_at), 'a time in milliseconds'],
    ['finished_at', row.finished_at === null || isTime(row.finished_at), 'a time in milliseconds'],
    ['headline_p', row.headline_p === null || isNumber(row.headline_p), 'a number'],
    ['headline_low', row.headline_low === null || isNumber(row.headline_low), 'a number'],
    ['headline_high', row.headline_high === null || isNumber(row.headline_high), 'a number'],
  ];
  const bad = checks.find(([, ok]) => !ok);
  return bad === undefined ? undefined : `${bad[0]} is not ${bad[2]} (${show(row[bad[0]])})`;
}

/** A JSON column's value, or a problem naming the column. */
export function parseColumn<T>(
  column: string,
  text: string,
): { ok: true; value: T } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch {
    return { ok: false, problem: `${column} is not JSON (${show(text)})` };
  }
}

/**
 * The label, safeguards and overrides of a row's options, for lists; an options column that
 * cannot be read lists as none (`get` of that run names the problem).
 */
export function whatWasAsked(
  options: unknown,
): Pick<RunSummaryRow, 'label' | 'owner' | 'safeguards' | 'sets' | 'whatIfs'> {
  const parsed = typeof options === 'string' ? parseColumn<unknown>('options', options) : null;
  const value: Record<string, unknown> =
    parsed?.ok === true && typeof parsed.value === 'object' && parsed.value !== null
      ? (parsed.value as Record<string, unknown>)
      : {};
  const texts = (x: unknown) =>
    Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
  const variants = Array.isArray(value.variants) ? (value.variants as unknown[]) : [];
  const whatIfs = variants.flatMap((v) =>
    typeof v === 'object' && v !== null && 'name' in v && typeof v.name === 'string'
      ? [`${v.name}: ${texts('sets' in v ? v.sets : []).join(' ')}`]
      : [],
  );
  return {
    label: typeof value.label === 'string' ? value.label : null,
    owner:
      typeof value.owner === 'object' &&
      value.owner !== null &&
      'name' in value.owner &&
      typeof value.owner.name === 'string'
        ? value.owner.name
        : null,
    safeguards: texts(value.safeguards),
    sets: texts(value.sets),
    whatIfs,
  };
}
