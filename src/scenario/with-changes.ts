import type { Issue, Result } from '../util/index.ts';
import { hashScenario } from './hash.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
import { setPath, type Change } from './patch.ts';
import { resolveScenario } from './resolve.ts';

/**
 * A loaded scenario with `path=value` changes applied through the one patcher and validated again:
 * how uncertain parameters become a scenario. Problems name the change's `source`.
 */
export function withChanges(
  loaded: LoadedScenario,
  changes: readonly Change[],
  source: string,
): Result<LoadedScenario> {
  const draft = structuredClone(loaded.scenario) as unknown as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const change of changes) {
    const outcome = setPath(draft, change.path, change.value);
    if (typeof outcome === 'string')
      issues.push({ path: change.path.join('.'), message: outcome, source });
  }
  if (issues.length > 0) return { ok: false, issues };
  const resolved = resolveScenario(draft);
  if (!resolved.ok) {
    const path = (p: readonly PropertyKey[]) => p.map(String).join('.');
    return {
      ok: false,
      issues: resolved.zodIssues.map((i) => ({ path: path(i.path), message: i.message, source })),
    };
  }
  return {
    ok: true,
    value: { ...loaded, scenario: resolved.value, hash: hashScenario(resolved.value) },
  };
}
