import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  applySafeguards,
  availableSafeguards,
  BUILTIN_SAFEGUARDS,
  CHUNK_SIZE,
  compare,
  compareTable,
  DEFAULT_MAX_RUNS,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  InputError,
  loadScenarioFile,
  type Variant,
  VERSION,
} from '../index.ts';
import type { NewRun } from '../store/index.ts';
import {
  checkStopFlags,
  collect,
  fraction,
  integer,
  orThrow,
  SET_HELP,
  workersFor,
  addMaxEventsOption,
  WORKERS_HELP,
} from './arguments.ts';
import { compareText } from './compare-text.ts';
import { Exit, type CliIo } from './io.ts';
import { addMethodOptions, methodOptions, type MethodFlags } from './method-flags.ts';
import { stoppableByCtrlC } from './interrupt.ts';
import { addFormatOptions, outputFormat, rendered, type FormatFlags } from './output-format.ts';
import { progressReporter } from './progress.ts';
import { label, LABEL_HELP } from './label-flag.ts';
import { DB_HELP, NO_STORE_HELP, recorded, type StoreFlags } from './store-flags.ts';
import { VARIANT_HELP, whatIfParsers, whatIfVariantsOfFile } from './variant-flags.ts';
import { warnNoEffect } from './warnings.ts';

interface CompareFlags extends StoreFlags, MethodFlags, FormatFlags {
  label?: string;
  safeguard?: string[];
  all?: boolean;
  combine?: boolean;
  runs: number;
  seed: number;
  set?: string[];
  targetRelError?: number;
  maxRuns: number;
  workers?: number;
  maxEvents: number;
}

const builtinList = BUILTIN_SAFEGUARDS.map(
  (s) => `  ${s.name.padEnd(24)}${s.summary}${s.perActor ? '' : ' (whole crisis)'}`,
).join('\n');

export function registerCompare(
  program: Command,
  io: CliIo,
  /** Sets the exit code (130 when Ctrl-C stopped the work). */
  setExit: (code: number) => void,
): void {
  const whatIf = whatIfParsers();
  const command = program
    .command('compare')
    .summary('compare safeguards and what-ifs against the baseline on common random numbers')
    .description(
      'Run the scenario and each variant (a safeguard, or a what-if of --set changes) on common random numbers (trial i of every ' +
        'variant draws the same random streams), so differences are paired. Reports each ' +
        "variant's P(nuclear use) by cause, and its risk ratio and absolute risk reduction against " +
        'the baseline with paired 95% intervals, sorted by effect.',
    )
    .argument('<file>', 'scenario YAML file')
    .option(
      '--safeguard <name>',
      'a safeguard to compare, NAME or NAME:actor (repeatable)',
      collect,
    )
    .option('--all', 'compare every built-in safeguard and every one the scenario defines')
    .option('--combine', 'also run all the selected safeguards together')
    .option('-n, --runs <n>', 'trials per variant', integer(1, 1e9), DEFAULT_RUNS)
    .option('-s, --seed <s>', 'random seed shared by every variant', integer(0), DEFAULT_SEED)
    .option(
      '--set <path=value>',
      `${SET_HELP}; before any --variant it changes the baseline and every variant, after one that variant only`,
      whatIf.set,
    )
    .option('--variant <name>', VARIANT_HELP, whatIf.variant)
    .option(
      '--target-rel-error <r>',
      "run until every variant's risk ratio has relative error r (se of log RR)",
      fraction,
    )
    .option(
      '--max-runs <n>',
      'cap on trials with --target-rel-error',
      integer(1, 1e10),
      DEFAULT_MAX_RUNS,
    )
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option('--label <text>', LABEL_HELP, label)
    .option('--db <file>', DB_HELP)
    .option('--no-store', NO_STORE_HELP);
  addMaxEventsOption(addMethodOptions(addFormatOptions(command)))
    .addHelpText(
      'after',
      `
Built-in safeguards (docs/safeguards.md says what each changes and why):
${builtinList}
A scenario can define its own under \`safeguards:\` (docs/scenario-reference.md).

Examples:
  petrov compare scenarios/korean-peninsula-2026.yaml --all --combine
  petrov compare scenarios/korean-peninsula-2026.yaml --safeguard human-in-the-loop:north --safeguard hotline
  petrov compare scenarios/korean-peninsula-2026.yaml --all --target-rel-error 0.05 --json
  petrov compare scenarios/korean-peninsula-2026.yaml --all --format csv > compare.csv
  petrov compare scenarios/korean-peninsula-2026.yaml --all --method auto
  petrov compare scenarios/korean-peninsula-2026.yaml --variant trusting --set actors.north.human.automationBias=0.9 --variant patient --set actors.north.human.adequateTimeMinutes=5`,
    )
    .action(async (file: string, flags: CompareFlags, command: Command) => {
      checkStopFlags(command, flags.targetRelError);
      const format = outputFormat(flags);
      const baseline = orThrow(loadScenarioFile(file, flags.set));
      warnNoEffect(io, file, baseline.text);
      const names = flags.all
        ? [...availableSafeguards(baseline.scenario).map((s) => s.name), ...(flags.safeguard ?? [])]
        : (flags.safeguard ?? []);
      const unique = [...new Set(names)];
      if (unique.length === 0 && whatIf.whatIfs.length === 0) {
        throw new InputError([
          {
            path: '--safeguard',
            message:
              'name at least one safeguard, or use --all, or give a what-if: --variant NAME --set path=value',
          },
        ]);
      }
      const variants: Variant[] = unique.map((name) => ({
        name,
        safeguards: [name],
        loaded: orThrow(applySafeguards(baseline, [name])),
      }));
      variants.push(...whatIfVariantsOfFile(file, flags.set ?? [], whatIf.whatIfs, unique));
      if (flags.combine && unique.length > 1) {
        variants.push({
          name: 'combined',
          safeguards: unique,
          loaded: orThrow(applySafeguards(baseline, unique)),
        });
      }
      const progress = progressReporter(io, 'compare');
      const workers = workersFor(
        flags.workers,
        flags.targetRelError === undefined ? flags.runs : flags.maxRuns,
        CHUNK_SIZE,
      );
      const target = flags.targetRelError;
      const record: NewRun = {
        kind: 'compare',
        scenarioName: baseline.scenario.name,
        scenarioHash: baseline.hash,
        scenarioText: baseline.text,
        options: {
          ...(flags.label === undefined ? {} : { label: flags.label }),
          source: resolve(file),
          sets: flags.set ?? [],
          safeguards: unique,
          variants: whatIf.whatIfs.map((w) => ({ name: w.name, sets: [...w.sets] })),
          combine: flags.combine === true && unique.length > 1,
          runs: target === undefined ? flags.runs : null,
          targetRelError: target ?? null,
          maxRuns: target === undefined ? null : flags.maxRuns,
          workers,
          method: flags.method,
        },
        seed: flags.seed,
        version: VERSION,
      };
      const { result, note, storeFailed } = await stoppableByCtrlC(io, (signal) =>
        recorded(io, flags, record, () =>
          compare(baseline, variants, {
            runs: flags.runs,
            seed: flags.seed,
            targetRelError: target,
            maxRuns: flags.maxRuns,
            maxEvents: flags.maxEvents,
            workers,
            signal,
            onProgress: (done, planned, p) => progress.update({ ...p, done, planned }),
            ...methodOptions(flags, baseline, io),
          }),
        ),
      );
      progress.stop();
      io.out(
        rendered(
          format,
          result,
          () => compareText(result, file),
          () => compareTable(result),
        ),
      );
      io.err(note);
      // Ctrl-C's 130 wins: the user asked to stop, and the store failure is on stderr already.
      if (result.stoppedBy === 'aborted') setExit(Exit.interrupted);
      else if (storeFailed) setExit(Exit.input);
    });
}
