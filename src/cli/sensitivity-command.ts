import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  loadScenarioFile,
  BASE_POINT_RANGE,
  DEFAULT_BASE_POINTS,
  isRatioTornado,
  ratioTornado,
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
import { ratioTornadoText, sobolText, tornadoText } from './sensitivity-text.ts';
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
  ratio?: string;
}

export function registerSensitivity(program: Command, io: CliIo): void {
  const command = program
    .command('sensitivity')
    .summary('which uncertain assumption moves the risk most: a tornado on common random numbers')
    .description(
      "Take each parameter of the scenario's `uncertainty` block (and each --uncertain) to its 5% " +
        'and 95% points with the rest at baseline, all on common random numbers, and report each ' +
        "end's probability, its paired change from the baseline and the bar's swing with paired 95% " +
        'intervals, widest swing first. With --ratio SAFEGUARD the same is done for the risk ratio ' +
        'P(outcome | safeguard) / P(outcome): does the safeguard still help, and by how much, when ' +
        'each assumption moves?',
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
      integer(...BASE_POINT_RANGE),
      DEFAULT_BASE_POINTS,
    )
    .option(
      '--repetitions <n>',
      'Sobol: trials per parameter set (R)',
      integer(2, 1e9),
      DEFAULT_REPETITIONS,
    )
    .option(
      '--ratio <safeguard>',
      "study a safeguard's risk ratio P(outcome | safeguard) / P(outcome) instead of P(outcome): " +
        'NAME or NAME:actor as for --safeguard; every arm then runs with and without it (default: P(outcome))',
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
  petrov sensitivity scenarios/korean-peninsula-2026.yaml --ratio human-in-the-loop:north --sobol \\
    --repetitions 2000   # which assumption decides how much the safeguard helps
A ratio needs uses at baseline in every parameter set: sets with none are left out and counted.
docs/sensitivity.md says how to read the result.`,
    );
  addStudyOptions(command, 'random seed shared by every arm').action(
    async (file: string, flags: SensitivityFlags) => {
      const format = outputFormat(flags);
      const loaded = orThrow(loadScenarioFile(file, flags.set, flags.uncertain));
      const progress = progressReporter(io, 'sensitivity');
      const k = Object.keys(loaded.scenario.uncertainty).length;
      const arms = flags.ratio === undefined ? 1 : 2;
      const trials =
        arms *
        (flags.runs * (1 + 2 * k) +
          (flags.sobol ? flags.basePoints * (k + 2) * flags.repetitions : 0));
      const workers = workersFor(flags.workers, trials, CHUNK_SIZE);
      let before = 0;
      const onProgress = (done: number) =>
        progress.update({ done: before + done, planned: trials });
      const common = { seed: flags.seed, outcome: flags.outcome, workers, onProgress };
      const bars =
        flags.ratio === undefined
          ? await tornado(loaded, { ...common, runs: flags.runs })
          : await ratioTornado(loaded, flags.ratio, { ...common, runs: flags.runs });
      before = arms * bars.runs * (1 + 2 * k);
      const indices = flags.sobol
        ? await sobol(loaded, {
            ...common,
            basePoints: flags.basePoints,
            repetitions: flags.repetitions,
            ratio: flags.ratio,
          })
        : null;
      progress.stop();
      const own = ['--runs', String(flags.runs), '--outcome', flags.outcome];
      if (flags.ratio !== undefined) own.push('--ratio', flags.ratio);
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
          () =>
            `${isRatioTornado(bars) ? ratioTornadoText(bars) : tornadoText(bars)}${indices ? `\n${sobolText(indices)}` : ''}`,
          () => sensitivityTable(bars, indices),
        ),
      );
    },
  );
}
