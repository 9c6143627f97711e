import type { Issue, Result } from '../util/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import type { Variant } from './compare.ts';

/** A paired what-if (`compare --variant NAME --set path=value ...`): its name and its overrides. */
export interface WhatIf {
  readonly name: string;
  readonly sets: readonly string[];
}

/** Names a variant cannot take: the baseline's and the combination's. */
const RESERVED = ['baseline', 'combined'];

/** Why a what-if cannot have this name (null when it can): names stay one word and distinct. */
export function whatIfNameProblem(name: string, taken: readonly string[]): string | null {
  if (!/^[\w.-]{1,60}$/.test(name))
    return `expected a name of letters, digits, - _ or ., got '${name}'`;
  if (RESERVED.includes(name) || taken.includes(name))
    return `'${name}' is taken: give each variant its own name`;
  return null;
}

/**
 * Each what-if loaded like the baseline with the baseline's overrides and then its own, through
 * `load` (the one `--set` patcher and validation); issues carry `source(whatIf, index)`.
 */
export function whatIfVariants(
  load: (sets: readonly string[]) => Result<LoadedScenario>,
  baselineSets: readonly string[],
  whatIfs: readonly WhatIf[],
  safeguardNames: readonly string[],
  source: (w: WhatIf, index: number) => string,
): Result<Variant[]> {
  const issues: Issue[] = [];
  const variants: Variant[] = [];
  whatIfs.forEach((w, index) => {
    const where = source(w, index);
    const taken = whatIfs.slice(0, index).map((x) => x.name);
    const badName = whatIfNameProblem(w.name, taken);
    if (badName !== null) {
      issues.push({ path: where, message: badName });
      return;
    }
    if (w.sets.length === 0) {
      issues.push({ path: where, message: 'needs at least one change (path=value)' });
      return;
    }
    if (safeguardNames.includes(w.name)) {
      issues.push({ path: where, message: 'is also a compared safeguard: rename the variant' });
      return;
    }
    const loaded = load([...baselineSets, ...w.sets]);
    if (!loaded.ok) {
      issues.push(
        ...loaded.issues.map((i) => ({ ...i, source: `${where} ${i.source ?? ''}`.trim() })),
      );
      return;
    }
    variants.push({ name: w.name, safeguards: [], loaded: loaded.value });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: variants };
}
