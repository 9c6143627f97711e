import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import {
  DEFAULT_SEED,
  shellWord,
  STUDY_OUTCOMES,
  studyReportHtml,
  type StudyOutcome,
  type StudyReportInput,
} from '../index.ts';
import type { CliIo } from './io.ts';
import { collect, integer, SET_HELP, WORKERS_HELP } from './arguments.ts';
import { addFormatOptions, type FormatFlags } from './output-format.ts';

/** The flags `petrov sensitivity` and `petrov uncertainty` share. */
export interface StudyFlags extends FormatFlags {
  seed: number;
  set?: string[];
  uncertain?: string[];
  workers?: number;
  report?: string;
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

/** Seed, --set, --uncertain, --workers and --format/--json: written once for both studies. */
export function addStudyOptions(command: Command, seedHelp: string): Command {
  command
    .option('-s, --seed <s>', seedHelp, integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--uncertain <path=kind(...)>', UNCERTAIN_HELP, collect)
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option(
      '--report <file>',
      'also write one self-contained HTML report (charts as SVG, their numbers, the scenario) here',
    );
  return addFormatOptions(command);
}

/**
 * The command line that redoes a study: the command, its file and every flag given (`extra`
 * holds the study's own), with the seed always written out.
 */
export function studyCommand(
  name: string,
  file: string,
  flags: StudyFlags,
  extra: readonly string[],
): string {
  const args = [name, file, '--seed', String(flags.seed), ...extra];
  for (const s of flags.set ?? []) args.push('--set', s);
  for (const u of flags.uncertain ?? []) args.push('--uncertain', u);
  return `petrov ${args.map(shellWord).join(' ')}`;
}

/** Writes `--report FILE` if asked, saying so on stderr. */
export function writeStudyReport(
  io: CliIo,
  flags: StudyFlags,
  file: string,
  study: StudyReportInput['study'],
  command: string,
): void {
  if (flags.report === undefined) return;
  const html = studyReportHtml({ study, scenarioText: readFileSync(file, 'utf8'), command });
  writeFileSync(flags.report, html);
  io.err(`wrote ${flags.report}\n`);
}
