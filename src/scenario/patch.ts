import { parse } from 'yaml';

/** One step of a scenario path: a field name, or a list index. */
export type Segment = string | number;

/** A parsed `path=value` change, as given to `--set`, a safeguard's `set` or a parameter set. */
export interface Change {
  readonly path: readonly Segment[];
  readonly value: unknown;
}

/** Splits `a.b.0.c` into segments (digits become list indices), or says why it cannot. */
export function parsePath(text: string): Segment[] | string {
  if (text === '') return 'expected path=value';
  const path = text.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return path.some((s) => s === '') ? 'empty path segment' : path;
}

/** Parses `path=value` (the value is YAML), or says why it cannot. */
export function parseChange(text: string): Change | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return 'expected path=value';
  const path = parsePath(text.slice(0, eq));
  if (typeof path === 'string') return path;
  try {
    return { path, value: parse(text.slice(eq + 1)) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split('\n')[0].trim();
    return `value is not valid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
}

type Node = Record<string, unknown> | unknown[];

const isNode = (x: unknown): x is Node => x !== null && typeof x === 'object';

/**
 * The one scenario patcher: sets `path` to `value` in plain scenario data (a file's contents or a
 * copy of a resolved scenario), creating missing groups but never an actor. Returns how many of
 * the path's leading segments already existed (so a caller can blame a typo mid-path), or a
 * message saying why it cannot. The caller validates the result.
 */
export function setPath(
  root: Record<string, unknown>,
  path: readonly Segment[],
  value: unknown,
): { existing: number } | string {
  // Actors are entries of a record: a change may edit them, never create one by a typo.
  if (path[0] === 'actors' && path.length > 1) {
    const actors = root.actors;
    const ids = isNode(actors) && !Array.isArray(actors) ? Object.keys(actors) : [];
    if (!ids.includes(String(path[1]))) {
      return `no actor '${String(path[1])}' (actors: ${ids.join(', ')})`;
    }
  }
  let node: Node = root;
  let existing = 0;
  let creating = false;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (Array.isArray(node) && typeof key !== 'number') {
      return `${path.slice(0, i).join('.')} is a list: give an item's index`;
    }
    const slot = node as Record<string, unknown>;
    const name = String(key);
    const present = !creating && Object.hasOwn(slot, name);
    if (present) existing++;
    if (i === path.length - 1) {
      slot[name] = value;
      return { existing };
    }
    const next = present ? slot[name] : undefined;
    if (next === undefined) {
      creating = true;
      slot[name] = {};
    } else if (!isNode(next)) {
      return `${path.slice(0, i + 1).join('.')} is a value, not a group of fields`;
    }
    node = slot[name] as Node;
  }
  return { existing };
}
