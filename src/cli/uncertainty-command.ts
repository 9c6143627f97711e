import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_PARAMETER_SETS,
  DEFAULT_SEED,
  DEFAULT_SET_REPETITIONS,
  loadScenarioFile,
  uncertainty,
} from '../index.ts';
import { collect, integer, orThrow, SET_HELP, workersFor, WORKERS_HELP } from './arguments.ts';
import type { CliIo } from './io.ts';
import { progressReporter } from './progress.ts';
import { UNCERTAIN_HELP } from './sensitivity-command.ts';
import { uncertaintyText } from './uncertainty-text.ts';

interface UncertaintyFlags {
  parameterSets: number;
  repetitions: number;
  seed: number;
  set?: string[];
  uncertain?: string[];
  safeguard?: string[];
  workers?: number;
  json?: boolean;
}

export function registerUncertainty(program: Command, io: CliIo): void {
  program
    .command('uncertainty')
    .summary(
      'how sure are we: the risk over the uncertain parameters, and whether safeguards still help',
    )
    .description(
      'Two-level Monte Carlo: draw parameter sets from the `uncertainty` block (and --uncertain) by a ' +
        'low-discrepancy design, run each on its own trials, and report P(nuclear use) and each cause ' +
        'over the parameters (mean, median, 5–95% band, each with its Monte Carlo error), how much of ' +
        'the spread is inner noise, and with --safeguard the probability over the parameters that each ' +
        'safeguard lowers the risk and that their ranking holds.',
    )
    .argument('<file>', 'scenario YAML file')
    .option(
      '--parameter-sets <n>',
      'parameter sets drawn (N)',
      integer(2, 1e7),
      DEFAULT_PARAMETER_SETS,
    )
    .option(
      '--repetitions <n>',
      'trials per parameter set (R)',
      integer(1, 1e9),
      DEFAULT_SET_REPETITIONS,
    )
    .option('-s, --seed <s>', 'random seed', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--uncertain <path=kind(...)>', UNCERTAIN_HELP, collect)
    .option(
      '--safeguard <name>',
      'a safeguard to weigh at every parameter set, NAME or NAME:actor (repeatable)',
      collect,
    )
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option('--json', 'print one JSON document instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  petrov uncertainty scenarios/korean-peninsula-2026.yaml
  petrov uncertainty scenarios/korean-peninsula-2026.yaml --safeguard human-in-the-loop:north --safeguard hotline
docs/sensitivity.md says how to read the result.`,
    )
    .action(async (file: string, flags: UncertaintyFlags) => {
      const loaded = orThrow(loadScenarioFile(file, flags.set, flags.uncertain));
      const progress = progressReporter(io, 'uncertainty');
      const arms = 1 + (flags.safeguard?.length ?? 0);
      const trials = flags.parameterSets * flags.repetitions * arms;
      const result = await uncertainty(loaded, {
        parameterSets: flags.parameterSets,
        repetitions: flags.repetitions,
        seed: flags.seed,
        safeguards: flags.safeguard ?? [],
        workers: workersFor(flags.workers, trials, CHUNK_SIZE),
        onProgress: (done, planned) => progress.update({ done, planned }),
      });
      progress.stop();
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : uncertaintyText(result));
    });
}
