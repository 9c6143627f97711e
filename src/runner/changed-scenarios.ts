import {
  applySafeguards,
  withChanges,
  withNumberChanges,
  type Change,
  type ResolvedScenario,
} from '../scenario/index.ts';
import { formatIssue } from '../util/index.ts';

/** One arm of a study: the baseline with parameter changes, then any safeguards, applied. */
export interface StudyArm {
  readonly changes: readonly Change[];
  /** Safeguards applied after the changes, so a safeguard acts on the changed values. Default none. */
  readonly safeguards?: readonly string[];
}

/**
 * Each arm of a study as a resolved scenario: `base` with the arm's changes applied by the one
 * patcher, then its safeguards. In-bounds numbers take the fast path (their own field's schema,
 * no whole-scenario pass); anything else is validated in full. Parameter values were checked
 * against their fields when the scenario loaded, so a failure here is a combination the schema
 * forbids and throws naming it.
 */
export function changedScenarios(
  base: ResolvedScenario,
  arms: readonly StudyArm[],
): ResolvedScenario[] {
  const loaded = { scenario: base, hash: '' };
  return arms.map((arm) => {
    const fast = withNumberChanges(base, arm.changes);
    const changed =
      fast !== null
        ? { ok: true as const, value: { scenario: fast, hash: '' } }
        : withChanges(loaded, arm.changes, 'parameter set');
    const applied = changed.ok ? applySafeguards(changed.value, arm.safeguards ?? []) : changed;
    if (!applied.ok) throw new Error(applied.issues.map(formatIssue).join('\n'));
    return applied.value.scenario;
  });
}
