import { distributionQuantile, massInside, type ParameterValue } from './distribution-quantile.ts';
import { fieldBounds } from './field-bounds.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
import { parsePath, type Segment } from './patch.ts';
import type { ResolvedScenario } from './resolve.ts';
import type { Distribution } from './uncertainty-schema.ts';
import { withChanges } from './with-changes.ts';

/** One declared uncertain parameter, ready to map design points to values. */
export interface UncertainParameter {
  /** Its scenario path as written, e.g. `actors.north.perception.probability`. */
  readonly name: string;
  readonly path: readonly Segment[];
  readonly distribution: Distribution;
  /** The value the scenario gives the field: every study's baseline. */
  readonly baseline: ParameterValue;
  /** The value at probability u of its distribution. */
  readonly quantile: (u: number) => ParameterValue;
}

/** A problem with one declared distribution: `field` is the entry's field at fault ('' for it all). */
export interface UncertaintyProblem {
  readonly name: string;
  readonly field: string;
  readonly message: string;
}

/** The scenario's uncertain parameters in file order (call `uncertaintyProblems` first). */
export function uncertainParameters(scenario: ResolvedScenario): UncertainParameter[] {
  return Object.entries(scenario.uncertainty).map(([name, distribution]) => {
    const path = parsePath(name) as Segment[];
    const d = distribution as Distribution;
    return {
      name,
      path,
      distribution: d,
      baseline: valueAt(scenario, path) as ParameterValue,
      quantile: distributionQuantile(d, fieldBounds(path)),
    };
  });
}

/**
 * What is wrong with the declared distributions that the schema alone cannot see: a path that
 * names no field, a continuous distribution on a field that is not a number, a range outside the
 * field's, a discrete value the field does not accept.
 */
export function uncertaintyProblems(loaded: LoadedScenario): UncertaintyProblem[] {
  const problems: UncertaintyProblem[] = [];
  for (const [name, entry] of Object.entries(loaded.scenario.uncertainty)) {
    const d = entry as Distribution;
    const problem = (field: string, message: string) => problems.push({ name, field, message });
    const path = parsePath(name);
    const value = typeof path === 'string' ? undefined : valueAt(loaded.scenario, path);
    if (typeof path === 'string' || value === undefined) {
      problem('', 'no field at this path');
      continue;
    }
    if (value !== null && typeof value === 'object') {
      problem('', 'names a group of fields or a list, not one value');
      continue;
    }
    if (computedByTraining(loaded.scenario, path)) {
      problem('', 'computed from ai.training (M6): give its training inputs a range instead');
      continue;
    }
    if (d.dist === 'discrete') {
      d.values.forEach((v, i) => {
        const applied = withChanges(loaded, [{ path, value: v }], name);
        if (!applied.ok) problem(`values.${i}`, `${String(v)}: ${applied.issues[0].message}`);
      });
      continue;
    }
    const bounds = fieldBounds(path);
    if (bounds === null || typeof value !== 'number') {
      problem('dist', 'the field is not a number: use dist: discrete');
      continue;
    }
    if (bounds.integer) {
      problem('dist', 'the field takes whole numbers: use dist: discrete');
      continue;
    }
    const range = `the field's range [${bounds.min}, ${bounds.max}]`;
    for (const field of ['min', 'mode', 'max'] as const) {
      const x = (d as Partial<Record<typeof field, number>>)[field];
      if (x !== undefined && (x < bounds.min || x > bounds.max)) {
        problem(field, `${x} is outside ${range}`);
      }
    }
    if (massInside(d, bounds) < 1e-9) problem('dist', `puts almost no probability inside ${range}`);
  }
  return problems;
}

/** Whether M6 overwrites the field from the actor's `ai.training` whenever the scenario resolves. */
function computedByTraining(scenario: ResolvedScenario, path: readonly Segment[]): boolean {
  if (path[0] !== 'actors' || path[2] !== 'ai') return false;
  if (scenario.actors[String(path[1])]?.ai.training === undefined) return false;
  const field = path.slice(3).join('.');
  return /^(falsePositive|falseNegative)(\.|$)|^confidence\.wrong$/.test(field);
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment))
      return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}
