import { InvalidArgumentError, type Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  loadScenarioFile,
  DEFAULT_BASE_POINTS,
  DEFAULT_REPETITIONS,
  sobol,
  STUDY_OUTCOMES,
  tornado,
  type StudyOutcome,
} from '../index.ts';
import { collect, integer, orThrow, SET_HELP, workersFor, WORKERS_HELP } from './arguments.ts';
import type { CliIo } from './io.ts';
import { progressReporter } from './progress.ts';
import { sobolText, tornadoText } from './sensitivity-text.ts';

interface SensitivityFlags {
  runs: number;
  seed: number;
  set?: string[];
  uncertain?: string[];
  outcome: StudyOutcome;
  workers?: number;
  json?: boolean;
  sobol?: boolean;
  basePoints: number;
  repetitions: number;
}

export const UNCERTAIN_HELP =
  "declare an uncertain parameter, e.g. 'actors.north.perception.probability=uniform(0.05, 0.5)' " +
  '(repeatable; kinds: uniform, loguniform, triangular, normal, lognormal, beta, discrete)';

/** Parses --outcome: nuclearUse, one of the causes, unansweredAttack or generalWar. */
export function studyOutcome(value: string): StudyOutcome {
  const known = STUDY_OUTCOMES as readonly string[];
  if (!known.includes(value)) {
    throw new InvalidArgumentError(`expected one of ${known.join(', ')}, got '${value}'`);
  }
  return value as StudyOutcome;
}

export function registerSensitivity(program: Command, io: CliIo): void {
  program
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
    .option('-s, --seed <s>', 'random seed shared by every arm', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--uncertain <path=kind(...)>', UNCERTAIN_HELP, collect)
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
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option('--json', 'print one JSON document instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  petrov sensitivity scenarios/korean-peninsula-2026.yaml
  petrov sensitivity scenarios/analytic-single-sensor.yaml \\
    --uncertain 'actors.solo.tracks.ballistic.falseAlarm=uniform(1, 3)' \\
    --uncertain 'actors.solo.human.catchProbability=triangular(0.8, 0.9, 0.95)' --json
  petrov sensitivity scenarios/korean-peninsula-2026.yaml --sobol --base-points 1000 --repetitions 400
docs/sensitivity.md says how to read the result.`,
    )
    .action(async (file: string, flags: SensitivityFlags) => {
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
      io.out(
        flags.json
          ? `${JSON.stringify({ tornado: bars, sobol: indices }, null, 2)}\n`
          : `${tornadoText(bars)}${indices ? `\n${sobolText(indices)}` : ''}`,
      );
    });
}
