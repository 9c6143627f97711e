import { excerpt, type Issue, type Result } from '../util/index.ts';
import { BUILTIN_SAFEGUARDS, type Draft, type Safeguard } from './builtin-safeguards.ts';
import { hashScenario } from './hash.ts';

import type { LoadedScenario } from './loaded-scenario.ts';
import { parseChange, setPath } from './patch.ts';
import { resolveScenario, type ResolvedScenario } from './resolve.ts';

/** A scenario with safeguards applied, and which. */
export interface SafeguardedScenario extends LoadedScenario {
  /** The safeguards as given, e.g. `["human-in-the-loop:north", "hotline"]`. */
  readonly safeguards: readonly string[];
}

/** Built-ins plus the scenario's own `safeguards`, in that order. */
export function availableSafeguards(scenario: ResolvedScenario): readonly Safeguard[] {
  const own = Object.entries(scenario.safeguards).map(([name, def]): Safeguard => ({
    name,
    summary: def.description,
    rationale: `Defined in the scenario file: ${def.set.join(', ')}.`,
    perActor: def.set.some((s) => s.startsWith('actors.*.')),
    apply: (draft, actors) => {
      for (const change of def.set) applyChange(draft, change, actors);
    },
  }));
  return [...BUILTIN_SAFEGUARDS, ...own];
}

/**
 * Applies safeguards given as `name` (every actor) or `name:actor[,actor]` to a loaded scenario and
 * re-validates the result. Unknown names, unknown actors and patches that break the schema come
 * back as issues naming the safeguard.
 */
export function applySafeguards(
  loaded: LoadedScenario,
  specs: readonly string[],
): Result<SafeguardedScenario> {
  if (specs.length === 0) return { ok: true, value: { ...loaded, safeguards: [] } };
  const available = availableSafeguards(loaded.scenario);
  const actorIds = Object.keys(loaded.scenario.actors);
  const draft = structuredClone(loaded.scenario) as Draft;
  const issues: Issue[] = [];
  for (const spec of new Set(specs)) {
    const source = `--safeguard ${excerpt(spec)}`;
    const [name, target] = spec.split(':', 2);
    const safeguard = available.find((s) => s.name === name);
    if (!safeguard) {
      const names = available.map((s) => s.name).join(', ');
      issues.push({ path: excerpt(name), message: `unknown safeguard (known: ${names})`, source });
      continue;
    }
    const actors = target === undefined ? actorIds : target.split(',');
    const unknown = actors.filter((a) => !actorIds.includes(a));
    if (unknown.length > 0) {
      const message = `no actor '${excerpt(unknown.join("', '"))}' (actors: ${actorIds.join(', ')})`;
      issues.push({ path: name, message, source });
      continue;
    }
    if (target !== undefined && !safeguard.perActor) {
      issues.push({
        path: name,
        message: 'acts on the whole crisis: give it without :actor',
        source,
      });
      continue;
    }
    try {
      safeguard.apply(draft, actors);
    } catch (error) {
      issues.push({
        path: name,
        message: error instanceof Error ? error.message : String(error),
        source,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const resolved = resolveScenario(draft);
  if (!resolved.ok) {
    const source = excerpt(`--safeguard ${specs.join(' --safeguard ')}`, 200);
    return {
      ok: false,
      issues: resolved.zodIssues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
        source,
      })),
    };
  }
  return {
    ok: true,
    value: { scenario: resolved.value, hash: hashScenario(resolved.value), safeguards: [...specs] },
  };
}

/** Applies one `path=value` change of a user-defined safeguard, expanding `*` to each actor. */
function applyChange(draft: Draft, text: string, actors: readonly string[]): void {
  const change = parseChange(text);
  if (typeof change === 'string') throw new Error(`${excerpt(text)}: ${change}`);
  const { path, value } = change;
  const paths =
    path[0] === 'actors' && path[1] === '*'
      ? actors.map((a) => path.map((s, i) => (i === 1 ? a : s)))
      : [path];
  for (const p of paths) {
    const outcome = setPath(draft as unknown as Record<string, unknown>, p, value);
    if (typeof outcome === 'string') throw new Error(`${excerpt(text)}: ${outcome}`);
  }
}

/**
 * Dry-runs the scenario's own safeguards so `validate` catches a broken patch before a comparison
 * does; returns one problem per broken safeguard.
 */
export function checkOwnSafeguards(loaded: LoadedScenario): { name: string; message: string }[] {
  const problems: { name: string; message: string }[] = [];
  for (const name of Object.keys(loaded.scenario.safeguards)) {
    if (BUILTIN_SAFEGUARDS.some((s) => s.name === name)) {
      problems.push({ name, message: 'shadows the built-in safeguard of the same name' });
      continue;
    }
    const applied = applySafeguards(loaded, [name]);
    if (!applied.ok) {
      const first = applied.issues[0];
      problems.push({
        name,
        message: `${first.path === '' ? '' : `${first.path}: `}${first.message}`,
      });
    }
  }
  return problems;
}
