import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_SEED, STUDY_OUTCOMES, type StudyOutcome } from '../index.ts';
import { collect, integer, SET_HELP, WORKERS_HELP } from './arguments.ts';
import { addFormatOptions, type FormatFlags } from './output-format.ts';

/** The flags `petrov sensitivity` and `petrov uncertainty` share. */
export interface StudyFlags extends FormatFlags {
  seed: number;
  set?: string[];
  uncertain?: string[];
  workers?: number;
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

/** Seed, --set, --uncertain, --workers and --format/--json: written once for both studies. */
export function addStudyOptions(command: Command, seedHelp: string): Command {
  command
    .option('-s, --seed <s>', seedHelp, integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--uncertain <path=kind(...)>', UNCERTAIN_HELP, collect)
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256));
  return addFormatOptions(command);
}
