import { withChanges, type Change, type ResolvedScenario } from '../scenario/index.ts';
import { formatIssue } from '../util/index.ts';

/**
 * Each arm of a study as a resolved scenario: `base` with the arm's changes applied by the one
 * patcher. Parameter values were checked against their fields when the scenario loaded, so a
 * failure here is a bug (or a combination the schema forbids) and throws naming it.
 */
export function changedScenarios(
  base: ResolvedScenario,
  arms: readonly (readonly Change[])[],
): ResolvedScenario[] {
  const loaded = { scenario: base, hash: '' };
  return arms.map((changes) => {
    if (changes.length === 0) return base;
    const applied = withChanges(loaded, changes, 'parameter set');
    if (!applied.ok) throw new Error(applied.issues.map(formatIssue).join('\n'));
    return applied.value.scenario;
  });
}
