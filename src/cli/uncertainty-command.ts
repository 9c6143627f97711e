import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_PARAMETER_SETS,
  DEFAULT_SET_REPETITIONS,
  loadScenarioFile,
  uncertainty,
  uncertaintyTable,
} from '../index.ts';
import { collect, integer, orThrow, workersFor } from './arguments.ts';
import type { CliIo } from './io.ts';
import { outputFormat, rendered } from './output-format.ts';
import { progressReporter } from './progress.ts';
import { addStudyOptions, studyCommand, writeStudyReport, type StudyFlags } from './study-flags.ts';
import { uncertaintyText } from './uncertainty-text.ts';

interface UncertaintyFlags extends StudyFlags {
  parameterSets: number;
  repetitions: number;
  safeguard?: string[];
}

export function registerUncertainty(program: Command, io: CliIo): void {
  const command = program
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
    .option(
      '--safeguard <name>',
      'a safeguard to weigh at every parameter set, NAME or NAME:actor (repeatable)',
      collect,
    )
    .addHelpText(
      'after',
      `
Examples:
  petrov uncertainty scenarios/korean-peninsula-2026.yaml
  petrov uncertainty scenarios/korean-peninsula-2026.yaml --safeguard human-in-the-loop:north --safeguard hotline
  petrov uncertainty scenarios/korean-peninsula-2026.yaml --format csv > uncertainty.csv
docs/sensitivity.md says how to read the result.`,
    );
  addStudyOptions(command, 'random seed').action(async (file: string, flags: UncertaintyFlags) => {
    const format = outputFormat(flags);
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
    const own = ['--parameter-sets', String(flags.parameterSets)];
    own.push('--repetitions', String(flags.repetitions));
    for (const g of flags.safeguard ?? []) own.push('--safeguard', g);
    writeStudyReport(
      io,
      flags,
      file,
      { kind: 'uncertainty', result },
      studyCommand('uncertainty', file, flags, own),
    );
    io.out(
      rendered(
        format,
        result,
        () => uncertaintyText(result),
        () => uncertaintyTable(result),
      ),
    );
  });
}
