import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import {
  applySafeguards,
  InputError,
  loadScenarioFile,
  type Result,
  type SafeguardedScenario,
} from '../index.ts';

/** Commander collector for repeatable `--set path=value`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a whole number within bounds, for --runs, --seed, --trial and friends. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(
        `expected a whole number from ${min} to ${max}, got '${value}'`,
      );
    }
    return n;
  };
}

/** Parses a number in the open interval (0, 1), for --target-rel-error. */
export function fraction(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0 || x >= 1) {
    throw new InvalidArgumentError(`expected a number between 0 and 1, got '${value}'`);
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

export const WORKERS_HELP =
  'worker threads (default: all cores, at most one per chunk); results are identical for any number';

/** Workers to use: the user's number, or one per core but never more than there are chunks. */
export function workersFor(requested: number | undefined, runs: number, chunkSize: number): number {
  return requested ?? Math.max(1, Math.min(availableParallelism(), Math.ceil(runs / chunkSize)));
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
