import { InvalidArgumentError } from 'commander';
import {
  InputError,
  loadScenarioFile,
  whatIfNameProblem,
  whatIfVariants,
  type Variant,
  type WhatIf,
} from '../index.ts';

/** A what-if being parsed: `--set`s after its `--variant` join it. */
interface ParsedWhatIf extends WhatIf {
  readonly sets: string[];
}

export const VARIANT_HELP =
  'a what-if to compare: the --set options after it change this variant only (repeatable)';

/**
 * Commander parsers for `--set` and `--variant`, which it calls in command-line order: a `--set`
 * before any `--variant` changes the baseline (and so every variant), one after it that variant.
 */
export function whatIfParsers(): {
  readonly whatIfs: readonly WhatIf[];
  readonly set: (value: string, previous?: string[]) => string[];
  readonly variant: (name: string) => string;
} {
  const whatIfs: ParsedWhatIf[] = [];
  return {
    whatIfs,
    set: (value, previous = []) => {
      const current = whatIfs.at(-1);
      if (current === undefined) return [...previous, value];
      current.sets.push(value);
      return previous;
    },
    variant: (name) => {
      const problem = whatIfNameProblem(
        name,
        whatIfs.map((w) => w.name),
      );
      if (problem !== null) throw new InvalidArgumentError(problem);
      whatIfs.push({ name, sets: [] });
      return name;
    },
  };
}

/**
 * Each what-if loaded like the file with the baseline's `--set`s and then its own, through the
 * same `--set` patcher and validation as `petrov run --set`; issues name the variant.
 */
export function whatIfVariantsOfFile(
  file: string,
  baselineSets: readonly string[],
  whatIfs: readonly WhatIf[],
  safeguardNames: readonly string[],
): Variant[] {
  const result = whatIfVariants(
    (sets) => loadScenarioFile(file, sets),
    baselineSets,
    whatIfs,
    safeguardNames,
    (w) => `--variant ${w.name}`,
  );
  if (!result.ok) throw new InputError(result.issues);
  return result.value;
}
