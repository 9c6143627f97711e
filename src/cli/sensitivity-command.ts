import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  loadScenarioFile,
  DEFAULT_BASE_POINTS,
  DEFAULT_REPETITIONS,
  sensitivityTable,
  sobol,
  STUDY_OUTCOMES,
  tornado,
  type StudyOutcome,
} from '../index.ts';
import { integer, orThrow, workersFor } from './arguments.ts';
import type { CliIo } from './io.ts';
import { outputFormat, rendered } from './output-format.ts';
import { progressReporter } from './progress.ts';
import { sobolText, tornadoText } from './sensitivity-text.ts';
import {
  addStudyOptions,
  studyCommand,
  studyOutcome,
  writeStudyReport,
  type StudyFlags,
} from './study-flags.ts';

interface SensitivityFlags extends StudyFlags {
  runs: number;
  outcome: StudyOutcome;
  sobol?: boolean;
  basePoints: number;
  repetitions: number;
}

export function registerSensitivity(program: Command, io: CliIo): void {
  const command = program
    .command('sensitivity')
    .summary('which uncertain assumption moves the risk most: a tornado on common random numbers')
    .description(
      "Take each parameter of the scenario's `uncertainty` block (and each --uncertain) to its 5% " +
        'and 95% points with the rest at baseline, all on common random numbers, and report each ' +
        "end's probability, its paired change from the baseline and the bar's swing with paired 95% " +
        'intervals, widest swing first.',
    )
    .argument('<file>', 'scenario YAML file')
    .option(
      '-n, --runs <n>',
      'trials per arm (the baseline and each end)',
      integer(1, 1e9),
      DEFAULT_RUNS,
    )
    .option(
      '--outcome <name>',
      `outcome to follow: ${STUDY_OUTCOMES.join(', ')}`,
      studyOutcome,
      'nuclearUse',
    )
    .option(
      '--sobol',
      'also estimate first- and total-order Sobol indices with bootstrap intervals',
    )
    .option(
      '--base-points <n>',
      'Sobol: parameter sets per design matrix (N)',
      integer(2, 1e7),
      DEFAULT_BASE_POINTS,
    )
    .option(
      '--repetitions <n>',
      'Sobol: trials per parameter set (R)',
      integer(2, 1e9),
      DEFAULT_REPETITIONS,
    )
    .addHelpText(
      'after',
      `
Examples:
  petrov sensitivity scenarios/korean-peninsula-2026.yaml
  petrov sensitivity scenarios/analytic-single-sensor.yaml \\
    --uncertain 'actors.solo.tracks.ballistic.falseAlarm=uniform(1, 3)' \\
    --uncertain 'actors.solo.human.catchProbability=triangular(0.8, 0.9, 0.95)' --json
  petrov sensitivity scenarios/korean-peninsula-2026.yaml --sobol --base-points 1000 --repetitions 400
  petrov sensitivity scenarios/korean-peninsula-2026.yaml --sobol --format csv > sensitivity.csv
docs/sensitivity.md says how to read the result.`,
    );
  addStudyOptions(command, 'random seed shared by every arm').action(
    async (file: string, flags: SensitivityFlags) => {
      const format = outputFormat(flags);
      const loaded = orThrow(loadScenarioFile(file, flags.set, flags.uncertain));
      const progress = progressReporter(io, 'sensitivity');
      const k = Object.keys(loaded.scenario.uncertainty).length;
      const trials =
        flags.runs * (1 + 2 * k) +
        (flags.sobol ? flags.basePoints * (k + 2) * flags.repetitions : 0);
      const workers = workersFor(flags.workers, trials, CHUNK_SIZE);
      let before = 0;
      const onProgress = (done: number) =>
        progress.update({ done: before + done, planned: trials });
      const common = { seed: flags.seed, outcome: flags.outcome, workers, onProgress };
      const bars = await tornado(loaded, { ...common, runs: flags.runs });
      before = bars.runs * (1 + 2 * k);
      const indices = flags.sobol
        ? await sobol(loaded, {
            ...common,
            basePoints: flags.basePoints,
            repetitions: flags.repetitions,
          })
        : null;
      progress.stop();
      const own = ['--runs', String(flags.runs), '--outcome', flags.outcome];
      if (flags.sobol) {
        own.push('--sobol', '--base-points', String(flags.basePoints));
        own.push('--repetitions', String(flags.repetitions));
      }
      writeStudyReport(
        io,
        flags,
        file,
        { kind: 'sensitivity', tornado: bars, sobol: indices },
        studyCommand('sensitivity', file, flags, own),
      );
      io.out(
        rendered(
          format,
          { tornado: bars, sobol: indices },
          () => `${tornadoText(bars)}${indices ? `\n${sobolText(indices)}` : ''}`,
          () => sensitivityTable(bars, indices),
        ),
      );
    },
  );
}
