import { deepFreeze } from '../util/index.ts';
import { applyTraining } from './apply-training.ts';
import { numberField } from './field-bounds.ts';
import type { Change, Segment } from './patch.ts';
import type { ResolvedScenario } from './resolve.ts';
import type { ScenarioOutput } from './schema.ts';

/**
 * Groups whose fields are checked together (shares that add up to 1, agents' answer tables,
 * distributions, a declared strike's timing), so a change inside them needs the whole schema.
 * Every cross-field refinement of the schema lies under one of these, on the actors record's
 * size, or at the root, which checks a strike's day against `horizonDays` (a test keeps this
 * list whole).
 */
export const JOINTLY_CHECKED = new Set<Segment>([
  'training',
  'agent',
  'uncertainty',
  'safeguards',
  'disarmingStrike',
]);

/**
 * A resolved scenario with numeric changes applied without re-validating the whole scenario: the
 * fast path for parameter sets of a study (thousands per Sobol run). It applies only when every
 * change replaces an existing number by a number its own field's schema accepts (bounds,
 * exclusive bounds, whole numbers) outside the jointly checked groups; M6 then recomputes the
 * rates of trained AIs as resolving does. Otherwise it returns null and the caller takes the full
 * path (`withChanges`), so a value outside its field's bounds is still an error naming the field.
 */
export function withNumberChanges(
  scenario: ResolvedScenario,
  changes: readonly Change[],
): ResolvedScenario | null {
  for (const { path, value } of changes) {
    if (path.some((s) => JOINTLY_CHECKED.has(s))) return null;
    if (path.length === 1 && path[0] === 'horizonDays' && strikesOnADay(scenario)) return null;
    if (typeof valueAt(scenario, path) !== 'number') return null;
    const field = numberField(path);
    if (field === null || !field.safeParse(value).success) return null;
  }
  let root: unknown = scenario;
  for (const { path, value } of changes) root = copiedWith(root, path, 0, value);
  const trained = Object.values(scenario.actors).some((a) => a.ai.training !== undefined);
  const changed = root as ScenarioOutput;
  // Frozen subtrees are shared with the base; deepFreeze stops at them.
  return deepFreeze(trained ? applyTraining(changed) : changed);
}

/** `node` with `path` set to `value`, copying only the nodes along the path. */
function copiedWith(node: unknown, path: readonly Segment[], at: number, value: unknown): unknown {
  if (at === path.length) return value;
  const key = path[at];
  if (Array.isArray(node)) {
    const copy: unknown[] = [...node];
    copy[Number(key)] = copiedWith(copy[Number(key)], path, at + 1, value);
    return copy;
  }
  const record = node as Record<string, unknown>;
  return { ...record, [key]: copiedWith(record[String(key)], path, at + 1, value) };
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

/** Whether an actor declares a strike on a day, which the root checks against the horizon. */
function strikesOnADay(scenario: ResolvedScenario): boolean {
  return Object.values(scenario.actors).some((a) => a.disarmingStrike.atDay !== undefined);
}
