import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  InputError,
  reportHtml,
  reproduceCommand,
  simulate,
  storedReportInput,
  VERSION,
  type ReportInput,
} from '../index.ts';
import type { StoredOptions } from '../store/index.ts';
import {
  collect,
  integer,
  loadForCommand,
  SAFEGUARD_HELP,
  SET_HELP,
  workersFor,
} from './arguments.ts';
import type { CliIo } from './io.ts';
import { printPdf } from './print-pdf.ts';
import { progressReporter } from './progress.ts';
import { DB_HELP, openStore, type DbFlags } from './store-flags.ts';

interface ReportFlags extends DbFlags {
  out?: string;
  pdf?: string;
  runs: number;
  seed: number;
  set?: string[];
  safeguard?: string[];
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .summary('one self-contained HTML report of a stored run or a scenario (--pdf too)')
    .description(
      'Write one HTML file that needs nothing else to open: the headline with its interval, the charts ' +
        '(causes, the escalation ladder, or a comparison and its risk ratios) as SVG, the scenario text, ' +
        'every option, the Petrov version, scenario hash and seed, and the command that reproduces it. ' +
        'Given a run id, reports that stored run; given a scenario file, runs it first (not stored).',
    )
    .argument('<run-or-file>', 'a run id from `petrov runs list`, or a scenario YAML file')
    .option('-o, --out <file>', 'write the HTML here (default: standard output)')
    .option(
      '--pdf <file>',
      'also print the report to PDF with Chromium ($PETROV_CHROMIUM, default /usr/bin/chromium)',
    )
    .option('-n, --runs <n>', 'with a FILE: number of trials', integer(1, 1e9), DEFAULT_RUNS)
    .option('-s, --seed <s>', 'with a FILE: random seed', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', `with a FILE: ${SET_HELP}`, collect)
    .option('--safeguard <name>', `with a FILE: ${SAFEGUARD_HELP}`, collect)
    .option('--db <file>', DB_HELP)
    .addHelpText(
      'after',
      `
Examples:
  petrov report 12 --out run-12.html
  petrov report 12 --out run-12.html --pdf run-12.pdf
  petrov report scenarios/korean-peninsula-2026.yaml --runs 50000 --out korea.html`,
    )
    .action(async (target: string, flags: ReportFlags) => {
      const input =
        /^\d+$/.test(target) && !existsSync(target)
          ? stored(target, flags)
          : await fresh(target, flags, io);
      const html = reportHtml(input);
      if (flags.out === undefined) io.out(html);
      else {
        writeFileSync(flags.out, html);
        io.err(`wrote ${flags.out}\n`);
      }
      if (flags.pdf !== undefined) {
        await printPdf(html, flags.pdf);
        io.err(`wrote ${flags.pdf}\n`);
      }
    });
}

/** A stored run, as it was asked for and as it came out. */
function stored(id: string, flags: ReportFlags): ReportInput {
  const store = openStore(flags);
  try {
    const run = store.get(id);
    if (run === undefined)
      throw new InputError([{ path: 'id', message: `no run ${id} in ${store.path}` }]);
    return storedReportInput(run);
  } finally {
    store.close();
  }
}

/** A scenario file run now with the flags given, as `petrov run` would (not stored). */
async function fresh(file: string, flags: ReportFlags, io: CliIo): Promise<ReportInput> {
  const loaded = loadForCommand(file, flags.set, flags.safeguard);
  const progress = progressReporter(io, 'run');
  const result = await simulate(loaded, {
    runs: flags.runs,
    seed: flags.seed,
    workers: workersFor(undefined, flags.runs, CHUNK_SIZE),
    onProgress: (p) => progress.update(p),
  });
  progress.stop();
  const options: StoredOptions = {
    source: file,
    sets: flags.set ?? [],
    safeguards: flags.safeguard ?? [],
    runs: flags.runs,
    targetRelError: null,
    maxRuns: null,
  };
  return {
    result,
    scenarioText: loaded.text,
    options: { ...options, source: resolve(file), version: VERSION },
    command: reproduceCommand('run', options, flags.seed),
  };
}
