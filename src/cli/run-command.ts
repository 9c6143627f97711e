import type { Command } from 'commander';
import { DEFAULT_MAX_RUNS, DEFAULT_RUNS, DEFAULT_SEED, simulate } from '../index.ts';
import {
  checkStopFlags,
  collect,
  fraction,
  integer,
  loadForCommand,
  SAFEGUARD_HELP,
  SET_HELP,
} from './arguments.ts';
import type { CliIo } from './io.ts';
import { progressReporter } from './progress.ts';
import { runText } from './run-text.ts';

interface RunFlags {
  runs: number;
  seed: number;
  set?: string[];
  safeguard?: string[];
  targetRelError?: number;
  maxRuns: number;
  examples: number;
  json?: boolean;
}

export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .summary('estimate the probability of nuclear use, its causes and its interval')
    .description(
      'Run independent crises (trials) of a scenario and estimate the probability of inadvertent ' +
        'nuclear use, by cause, with standard errors and Wilson 95% intervals, plus the highest rung ' +
        'reached and the counts that explain the result. Same seed, same numbers.',
    )
    .argument('<file>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of trials', integer(1, 1e9), DEFAULT_RUNS)
    .option(
      '-s, --seed <s>',
      'random seed (trial i of seed s always draws the same numbers)',
      integer(0),
      DEFAULT_SEED,
    )
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .option(
      '--target-rel-error <r>',
      'run until the relative error of P(nuclear use) is at most r (0 < r < 1)',
      fraction,
    )
    .option(
      '--max-runs <n>',
      'cap on trials with --target-rel-error',
      integer(1, 1e10),
      DEFAULT_MAX_RUNS,
    )
    .option(
      '--examples <n>',
      'trials ending in nuclear use to list for `petrov trace`',
      integer(0, 1000),
      5,
    )
    .option('--json', 'print one JSON document instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  petrov run scenarios/korean-peninsula-2026.yaml
  petrov run scenarios/korean-peninsula-2026.yaml --runs 100000 --seed 7
  petrov run scenarios/korean-peninsula-2026.yaml --set actors.north.authority.mode=human_in_the_loop
  petrov run scenarios/analytic-single-sensor.yaml --target-rel-error 0.02 --max-runs 2000000
  petrov run scenarios/korean-peninsula-2026.yaml --json > result.json`,
    )
    .action(async (file: string, flags: RunFlags, command: Command) => {
      checkStopFlags(command, flags.targetRelError);
      const loaded = loadForCommand(file, flags.set, flags.safeguard);
      const progress = progressReporter(io, 'run');
      const result = await simulate(loaded, {
        runs: flags.runs,
        seed: flags.seed,
        targetRelError: flags.targetRelError,
        maxRuns: flags.maxRuns,
        examples: flags.examples,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : runText(result, file));
    });
}
