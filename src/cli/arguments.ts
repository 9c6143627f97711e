import { accessSync, constants, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  applySafeguards,
  DEFAULT_MAX_EVENTS,
  excerpt,
  InputError,
  parseNumberText,
  parseWholeNumber,
  loadScenarioFile,
  type Result,
  type SafeguardedScenario,
} from '../index.ts';

/** Commander collector for repeatable `--set path=value`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Parses a whole number within bounds, for --runs, --seed, --trial and friends: decimal, with `_`
 * separators or an exponent (`1_000_000`, `1e6`); never empty, signed, hex or with trailing text.
 */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const parsed = parseWholeNumber(value, min, max);
    if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
    return parsed.value;
  };
}

/** Parses a number in the open interval (0, 1), for --target-rel-error (`0.05`, `5e-2`). */
export function fraction(value: string): number {
  const x = parseNumberText(value);
  if (x === undefined || x <= 0 || x >= 1) {
    throw new InvalidArgumentError(`expected a number between 0 and 1, got '${excerpt(value)}'`);
  }
  return x;
}

/** Unwraps a Result or throws its issues, which main() prints with exit code 2. */
export function orThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new InputError(result.issues);
  return result.value;
}

export const SET_HELP =
  'override a scenario field, e.g. actors.north.human.automationBias=0.6 (repeatable; validated like the file)';

export const SAFEGUARD_HELP =
  'apply a safeguard: a built-in or one the scenario defines, as NAME or NAME:actor (repeatable; `petrov compare --help` lists them)';

/**
 * Loads a scenario file with `--set` overrides and `--safeguard` patches, or throws its issues; keeps
 * the file's text for the run store.
 */
export function loadForCommand(
  file: string,
  sets: readonly string[] = [],
  safeguards: readonly string[] = [],
): SafeguardedScenario & { readonly text: string } {
  const base = orThrow(loadScenarioFile(file, sets));
  return { ...orThrow(applySafeguards(base, safeguards)), text: base.text };
}

/** `--runs` fixes the trials and `--target-rel-error` chooses them: a user gives one, not both. */
export function checkStopFlags(command: Command, targetRelError: number | undefined): void {
  const fromUser = (name: string) => command.getOptionValueSource(name) === 'cli';
  const message =
    targetRelError !== undefined && fromUser('runs')
      ? {
          path: '--runs',
          message: 'conflicts with --target-rel-error; cap the run with --max-runs',
        }
      : targetRelError === undefined && fromUser('maxRuns')
        ? { path: '--max-runs', message: 'only applies with --target-rel-error; use --runs' }
        : undefined;
  if (message) throw new InputError([message]);
}

/** `--max-events`: how much work one trial may be (run, compare, trace). */
export function addMaxEventsOption(command: Command): Command {
  return command.option(
    '--max-events <n>',
    'cap on events handled in one trial; a scenario expected to need more is refused (default 1,000,000)',
    integer(1, 1e9),
    DEFAULT_MAX_EVENTS,
  );
}

export const WORKERS_HELP =
  'worker threads (default: all cores; at most 4 per core, and one per chunk); results are identical for any number';

/** More threads than this many per core only cost memory (each holds a copy of the model). */
export const WORKERS_PER_CORE = 4;

/**
 * Workers to use: the user's number (at most WORKERS_PER_CORE per core, else an input error), or
 * one per core; never more than there are chunks.
 */
export function workersFor(requested: number | undefined, runs: number, chunkSize: number): number {
  const cores = availableParallelism();
  const cap = WORKERS_PER_CORE * cores;
  if (requested !== undefined && requested > cap) {
    throw new InputError([
      {
        path: '--workers',
        message: `at most ${cap} (${WORKERS_PER_CORE} per core, ${cores} cores), got ${requested}`,
      },
    ]);
  }
  return Math.max(1, Math.min(requested ?? cores, Math.ceil(runs / chunkSize)));
}

/**
 * Refuses an output file that cannot be written, before any work: its directory must exist and be
 * writable, and the file itself must not be a directory. `flag` names the option in the error.
 */
export function checkWritable(file: string, flag: string): void {
  const dir = dirname(resolve(file));
  const why = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not writable' : code;
  };
  let problem: string | undefined;
  try {
    if (!statSync(dir).isDirectory()) problem = `${excerpt(dir)} is not a directory`;
    else accessSync(dir, constants.W_OK);
  } catch (error) {
    problem = `directory ${excerpt(dir)} ${why(error)}`;
  }
  try {
    if (problem === undefined && statSync(file).isDirectory()) problem = 'is a directory';
  } catch {
    // A file that does not exist yet is what we expect.
  }
  if (problem !== undefined) {
    throw new InputError([{ path: flag, message: `cannot write ${excerpt(file)}: ${problem}` }]);
  }
}

/** Parses `i/N` for --shard. */
export function shardArgument(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 100_000 || index >= count) {
    throw new InvalidArgumentError(`expected i/N with 0 <= i < N, got '${value}'`);
  }
  return { index, count };
}
