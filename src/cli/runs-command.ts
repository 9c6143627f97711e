import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  InputError,
  runsTable,
  toCsv,
  toParquet,
  type ComparisonResult,
  type RunResult,
} from '../index.ts';
import type { RunDetail, RunStore, RunSummaryRow } from '../store/index.ts';
import { integer } from './arguments.ts';
import { compareText } from './compare-text.ts';
import { formatInteger, probabilityFormat } from './format.ts';
import type { CliIo } from './io.ts';
import { runText } from './run-text.ts';
import { DB_HELP, openStore, type DbFlags } from './store-flags.ts';

interface ExportFlags extends DbFlags {
  format: 'csv' | 'parquet';
  out?: string;
  limit: number;
}

interface ListFlags extends DbFlags {
  limit: number;
  json?: boolean;
}

/** `petrov runs list | show ID | rm ID`: the run store from the shell. */
export function registerRuns(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .summary('list, show, export and remove stored runs and comparisons')
    .description(
      'Every `petrov run` and `petrov compare` is recorded in the run store (unless --no-store): ' +
        'scenario text and hash, options, seed, version, status, times and results (aggregates, ' +
        'never single trials). A run whose process died reads `interrupted`.',
    )
    .addHelpText(
      'after',
      `
Examples:
  petrov runs list
  petrov runs list --limit 5 --json
  petrov runs show 12
  petrov runs rm 12
  petrov runs export --out runs.csv
  petrov runs export --format parquet --out runs.parquet
  petrov runs list --db ./workshop.db

The store is ${DB_HELP.replace('run store file (default: ', '').replace(/\)$/, '')}.`,
    );
  runs
    .command('list')
    .description('list stored runs, newest first')
    .option('--limit <n>', 'at most this many', integer(1), 50)
    .option(
      '--json',
      'print { runs: [...], skipped: [{ id, problem }] } as JSON (skipped: rows that cannot be read)',
    )
    .option('--db <file>', DB_HELP)
    .action((flags: ListFlags) =>
      withStore(flags, (store) => {
        const { runs: rows, skipped } = store.listing(flags.limit);
        if (flags.json) io.out(`${JSON.stringify({ runs: rows, skipped }, null, 2)}\n`);
        else io.out(rows.length === 0 ? `no runs in ${store.path}\n` : listText(rows));
        // Listed on stderr, so one unreadable row neither hides the others nor goes unnoticed.
        for (const row of skipped) {
          io.err(`petrov: skipped run ${row.id} in ${store.path}: ${row.problem}\n`);
        }
      }),
    );
  runs
    .command('show')
    .description('show one stored run: its options and its result')
    .argument('<id>', 'run id, as `petrov runs list` shows it')
    .option('--json', 'print everything stored about the run as JSON')
    .option('--db <file>', DB_HELP)
    .action((id: string, flags: DbFlags & { json?: boolean }) =>
      withStore(flags, (store) => {
        const run = store.get(id) ?? noSuchRun(id, store);
        io.out(flags.json ? `${JSON.stringify(run, null, 2)}\n` : showText(run));
      }),
    );
  runs
    .command('export')
    .description('export stored runs, one row each, for pandas, R or DuckDB')
    .addOption(
      new Option(
        '--format <format>',
        'csv (text, RFC 4180) or parquet (typed columns; needs --out, as it is binary)',
      )
        .choices(['csv', 'parquet'])
        .default('csv'),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--limit <n>', 'at most this many, newest first', integer(1), 1000)
    .option('--db <file>', DB_HELP)
    .action((flags: ExportFlags) => {
      // Checked before any work: a binary file on a terminal or in a pipe of text helps no one.
      if (flags.format === 'parquet' && flags.out === undefined) {
        throw new InputError([
          {
            path: '--out',
            message: 'Parquet is binary: give --out FILE (for example runs.parquet)',
          },
        ]);
      }
      withStore(flags, (store) => {
        const { runs: rows, skipped } = store.listing(flags.limit);
        const details = rows.flatMap((r) => store.get(r.id) ?? []);
        const table = runsTable(details);
        if (flags.out === undefined) io.out(toCsv(table));
        else {
          writeFileSync(flags.out, flags.format === 'parquet' ? toParquet(table) : toCsv(table));
          io.err(`wrote ${details.length} runs to ${flags.out}\n`);
        }
        for (const row of skipped) {
          io.err(`petrov: skipped run ${row.id} in ${store.path}: ${row.problem}\n`);
        }
      });
    });
  runs
    .command('rm')
    .description('remove a stored run (not one still running)')
    .argument('<id>', 'run id')
    .option('--db <file>', DB_HELP)
    .action((id: string, flags: DbFlags) =>
      withStore(flags, (store) => {
        const outcome = store.remove(id);
        if (outcome === 'missing') noSuchRun(id, store);
        if (outcome === 'running') {
          throw new InputError([{ path: 'id', message: `run ${id} is still running` }]);
        }
        io.out(`removed run ${id}\n`);
      }),
    );
}

function withStore(flags: DbFlags, use: (store: RunStore) => void): void {
  const store = openStore(flags);
  try {
    use(store);
  } finally {
    store.close();
  }
}

function noSuchRun(id: string, store: RunStore): never {
  throw new InputError([{ path: 'id', message: `no run ${id} in ${store.path}` }]);
}

/** One format for the whole headline column, so every run's numbers read alike. */
const headlineFormat = (rows: readonly RunSummaryRow[]) =>
  probabilityFormat(rows.flatMap((r) => (r.headline === null ? [] : [r.headline.high])));

const headline = (row: RunSummaryRow, f: (x: number) => string) =>
  row.headline === null
    ? '–'
    : `${f(row.headline.p)} [${f(row.headline.low)}, ${f(row.headline.high)}]`;

/** Minutes are enough to find a run; the JSON has the exact times. */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** What tells runs of one scenario apart: the label first, then what was changed. */
function described(r: RunSummaryRow): string {
  return [
    r.label === null ? '' : `"${r.label}"`,
    r.scenarioName,
    r.safeguards.length === 0 ? '' : `safeguards ${r.safeguards.join(', ')}`,
    ...r.sets.map((s) => `--set ${s}`),
    ...r.whatIfs.map((w) => `variant ${w}`),
  ]
    .filter((x) => x !== '')
    .join(' · ');
}

function listText(rows: readonly RunSummaryRow[]): string {
  const header = [
    'id',
    'status',
    'kind',
    'created (UTC)',
    'trials',
    'seed',
    'P(nuclear use) [95% CI]',
    'what was run',
  ];
  const f = headlineFormat(rows);
  const cells = rows.map((r) => [
    r.id,
    r.status,
    r.kind,
    minute(r.createdAt),
    r.runs === null ? '–' : formatInteger(r.runs),
    String(r.seed),
    headline(r, f),
    described(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) =>
    c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ');
  return `${[line(header), ...cells.map(line)].join('\n')}\n`;
}

function showText(run: RunDetail): string {
  const o = run.options;
  const lines = [
    `Run ${run.id}${run.label === null ? '' : ` "${run.label}"`}: ${run.kind}, ${run.status}; Petrov ${run.version}`,
    `scenario  ${run.scenarioName} (${run.scenarioHash.slice(0, 12)}) from ${o.source}`,
    `started   ${run.createdAt}${run.finishedAt === null ? '' : `, finished ${run.finishedAt}`}`,
    `options   seed ${run.seed}, ${o.runs === null ? `target rel. error ${o.targetRelError}, at most ${o.maxRuns} trials` : `${o.runs} trials`}` +
      `${o.sets.length > 0 ? `, --set ${o.sets.join(' --set ')}` : ''}` +
      `${o.safeguards.length > 0 ? `, safeguards ${o.safeguards.join(', ')}` : ''}${o.combine ? ' (and combined)' : ''}`,
  ];
  if (run.error !== null) lines.push(`error     ${run.error}`);
  if (run.result === null) return `${lines.join('\n')}\n`;
  const text =
    run.kind === 'run'
      ? runText(run.result as RunResult, o.source)
      : compareText(run.result as ComparisonResult, o.source);
  return `${lines.join('\n')}\n\n${text}`;
}
