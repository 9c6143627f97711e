import { InvalidArgumentError, type Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  loadScenarioFile,
  STUDY_OUTCOMES,
  tornado,
  type StudyOutcome,
} from '../index.ts';
import { collect, integer, orThrow, SET_HELP, workersFor, WORKERS_HELP } from './arguments.ts';
import type { CliIo } from './io.ts';
import { progressReporter } from './progress.ts';
import { tornadoText } from './sensitivity-text.ts';

interface SensitivityFlags {
  runs: number;
  seed: number;
  set?: string[];
  uncertain?: string[];
  outcome: StudyOutcome;
  workers?: number;
  json?: boolean;
}

export const UNCERTAIN_HELP =
  "declare an uncertain parameter, e.g. 'actors.north.perception.probability=uniform(0.05, 0.5)' " +
  '(repeatable; kinds: uniform, loguniform, triangular, normal, lognormal, beta, discrete)';

/** Parses --outcome: nuclearUse or one of the causes. */
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
docs/sensitivity.md says how to read the result.`,
    )
    .action(async (file: string, flags: SensitivityFlags) => {
      const loaded = orThrow(loadScenarioFile(file, flags.set, flags.uncertain));
      const progress = progressReporter(io, 'tornado');
      const arms = 1 + 2 * Object.keys(loaded.scenario.uncertainty).length;
      const workers = workersFor(flags.workers, flags.runs * arms, CHUNK_SIZE);
      const result = await tornado(loaded, {
        runs: flags.runs,
        seed: flags.seed,
        outcome: flags.outcome,
        workers,
        onProgress: (done, planned) => progress.update({ done, planned }),
      });
      progress.stop();
      io.out(
        flags.json ? `${JSON.stringify({ tornado: result }, null, 2)}\n` : tornadoText(result),
      );
    });
}
