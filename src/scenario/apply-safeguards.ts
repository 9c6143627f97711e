import { parseDocument } from 'yaml';
import { excerpt, type Issue, type Result } from '../util/index.ts';
import { BUILTIN_SAFEGUARDS, type Draft, type Safeguard } from './builtin-safeguards.ts';
import { hashScenario } from './hash.ts';
import { displayPath, inspectDocument, RESERVED_KEYS } from './inspect-document.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
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
function applyChange(draft: Draft, change: string, actors: readonly string[]): void {
  const eq = change.indexOf('=');
  const segments = change.slice(0, eq).split('.');
  // The value is checked like a file (reserved keys, alias loops, ...) before it becomes data.
  const doc = parseDocument(change.slice(eq + 1), { uniqueKeys: false, prettyErrors: false });
  const problem = inspectDocument(doc, doc.contents, segments).problems[0];
  if (doc.errors.length > 0 || problem !== undefined) {
    const why = problem ? `${displayPath(problem.path)}: ${problem.message}` : 'not valid YAML';
    throw new Error(`${excerpt(change)}: ${why}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const star = segments.indexOf('*');
  const paths =
    star === 1 && segments[0] === 'actors'
      ? actors.map((a) => segments.map((s, i) => (i === 1 ? a : s)))
      : [segments];
  for (const path of paths) setPath(draft, path, value, change);
}

function setPath(root: object, path: readonly string[], value: unknown, change: string): void {
  // A key such as __proto__ would reach Object.prototype itself: never follow one.
  const reserved = path.find((key) => RESERVED_KEYS.has(key));
  if (reserved !== undefined)
    throw new Error(`${excerpt(change)}: '${reserved}' is a reserved key`);
  // A list takes only an index up to its end: '999999999' would make it that long.
  const checkIndex = (list: unknown[], key: string, i: number) => {
    if (!/^\d{1,4}$/.test(key) || Number(key) > list.length) {
      const where = path.slice(0, i).join('.');
      throw new Error(
        `${excerpt(change)}: ${where} has ${list.length} items: use 0 to ${list.length}`,
      );
    }
  };
  let node = root as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (i === 1 && path[0] === 'actors' && !(key in node))
      throw new Error(`${change}: no actor '${key}'`);
    if (Array.isArray(node)) checkIndex(node, key, i);
    if (node[key] === undefined) node[key] = {};
    const next = node[key];
    if (next === null || typeof next !== 'object') {
      throw new Error(
        `${change}: ${path.slice(0, i + 1).join('.')} is a value, not a group of fields`,
      );
    }
    node = next as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) checkIndex(node, last, path.length - 1);
  node[Array.isArray(node) ? Number(last) : last] = value;
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
