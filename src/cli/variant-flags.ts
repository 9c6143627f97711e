import { InvalidArgumentError } from 'commander';
import { InputError, loadScenarioFile, type LoadedScenario, type Variant } from '../index.ts';

/** A what-if of `compare --variant NAME --set path=value ...`: its name and its overrides. */
export interface WhatIf {
  readonly name: string;
  readonly sets: string[];
}

export const VARIANT_HELP =
  'a what-if to compare: the --set options after it change this variant only (repeatable)';

/** Names a variant cannot take: the baseline's and the combination's. */
const RESERVED = ['baseline', 'combined'];

/**
 * Commander parsers for `--set` and `--variant`, which it calls in command-line order: a `--set`
 * before any `--variant` changes the baseline (and so every variant), one after it that variant.
 */
export function whatIfParsers(): {
  readonly whatIfs: readonly WhatIf[];
  readonly set: (value: string, previous?: string[]) => string[];
  readonly variant: (name: string) => string;
} {
  const whatIfs: WhatIf[] = [];
  return {
    whatIfs,
    set: (value, previous = []) => {
      const current = whatIfs.at(-1);
      if (current === undefined) return [...previous, value];
      current.sets.push(value);
      return previous;
    },
    variant: (name) => {
      if (!/^[\w.-]+$/.test(name))
        throw new InvalidArgumentError(
          `expected a name of letters, digits, - _ or ., got '${name}'`,
        );
      if (RESERVED.includes(name) || whatIfs.some((w) => w.name === name))
        throw new InvalidArgumentError(`'${name}' is taken: give each variant its own name`);
      whatIfs.push({ name, sets: [] });
      return name;
    },
  };
}

/**
 * Each what-if loaded like the file with the baseline's `--set`s and then its own, through the
 * same `--set` patcher and validation as `petrov run --set`; issues name the variant.
 */
export function whatIfVariants(
  file: string,
  baselineSets: readonly string[],
  whatIfs: readonly WhatIf[],
  safeguardNames: readonly string[],
): Variant[] {
  const issues = [];
  const variants: Variant[] = [];
  for (const w of whatIfs) {
    const source = `--variant ${w.name}`;
    if (w.sets.length === 0) {
      issues.push({ path: source, message: 'needs at least one --set path=value after it' });
      continue;
    }
    if (safeguardNames.includes(w.name)) {
      issues.push({ path: source, message: 'is also a compared safeguard: rename the variant' });
      continue;
    }
    const loaded = loadScenarioFile(file, [...baselineSets, ...w.sets]);
    if (!loaded.ok) {
      issues.push(
        ...loaded.issues.map((i) => ({ ...i, source: `${source} ${i.source ?? ''}`.trim() })),
      );
      continue;
    }
    const variant: LoadedScenario = loaded.value;
    variants.push({ name: w.name, safeguards: [], loaded: variant });
  }
  if (issues.length > 0) throw new InputError(issues);
  return variants;
}
