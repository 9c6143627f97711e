import { parseDocument } from 'yaml';
import { excerpt } from '../util/index.ts';
import {
  controlName,
  displayPath,
  DOCUMENT_LIMITS,
  inspectDocument,
  RESERVED_KEYS,
  type Segment,
} from './inspect-document.ts';

export type { Segment } from './inspect-document.ts';

/** A parsed `path=value` change, as given to `--set`, a safeguard's `set` or a parameter set. */
export interface Change {
  readonly path: readonly Segment[];
  readonly value: unknown;
}

const firstLine = (message: string) => message.split('\n')[0].trim();

/**
 * Splits `a.b.0.c` into segments (plain digits become list indices), or says why it cannot:
 * empty, overlong, reserved or control-character segments, or too many of them.
 */
export function parsePath(text: string): Segment[] | string {
  if (text === '') return 'expected path=value';
  const path: Segment[] = text.split('.').map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : s));
  if (path.some((s) => s === '')) return 'empty path segment';
  if (path.length > DOCUMENT_LIMITS.maxDepth) {
    return `path of ${path.length} segments (at most ${DOCUMENT_LIMITS.maxDepth})`;
  }
  for (const segment of path) {
    if (typeof segment !== 'string') continue;
    const control = controlName(segment);
    if (control) return `path contains the control character ${control}`;
    // A key such as __proto__ would reach Object.prototype itself: never follow one.
    if (RESERVED_KEYS.has(segment)) return `'${excerpt(segment)}' is a reserved key`;
    if (segment.length > DOCUMENT_LIMITS.maxKeyLength) {
      return `path segment of ${segment.length} characters (at most ${DOCUMENT_LIMITS.maxKeyLength})`;
    }
  }
  return path;
}

/**
 * Parses `path=value` (the value is YAML, checked like a file: reserved keys, control characters,
 * alias loops, size), or says why it cannot.
 */
export function parseChange(text: string): Change | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return 'expected path=value';
  const path = parsePath(text.slice(0, eq));
  if (typeof path === 'string') return path;
  const doc = parseDocument(text.slice(eq + 1), { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const message = firstLine(doc.errors[0].message).replace(/ at line \d+, column \d+:?$/, '');
    return `value is not valid YAML: ${excerpt(message, 200)}`;
  }
  const problems = inspectDocument(doc, doc.contents, path).problems;
  if (problems.length > 0) {
    const [{ path: at, message }] = problems;
    return at.length === path.length ? message : `${displayPath(at)}: ${message}`;
  }
  try {
    return { path, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    const message = firstLine(error instanceof Error ? error.message : String(error));
    return `value is not valid YAML: ${excerpt(message, 200)}`;
  }
}

type Node = Record<string, unknown> | unknown[];

const isNode = (x: unknown): x is Node => x !== null && typeof x === 'object';

/**
 * The one scenario patcher: sets `path` to `value` in plain scenario data (a file's contents or a
 * copy of a resolved scenario), creating missing groups but never an actor, and indexing a list
 * only up to its end (an index of 999999999 would make it that long). Returns how many of the
 * path's leading segments already existed (so a caller can blame a typo mid-path), or a message
 * saying why it cannot. The caller validates the result.
 */
export function setPath(
  root: Record<string, unknown>,
  path: readonly Segment[],
  value: unknown,
): { existing: number } | string {
  const reserved = path.find((key) => typeof key === 'string' && RESERVED_KEYS.has(key));
  if (reserved !== undefined) return `'${String(reserved)}' is a reserved key`;
  // Actors are entries of a record: a change may edit them, never create one by a typo.
  if (path[0] === 'actors' && path.length > 1) {
    const actors = root.actors;
    const ids = isNode(actors) && !Array.isArray(actors) ? Object.keys(actors) : [];
    if (!ids.includes(String(path[1]))) {
      return `no actor '${excerpt(String(path[1]))}' (actors: ${excerpt(ids.join(', '), 200)})`;
    }
  }
  let node: Node = root;
  let existing = 0;
  let creating = false;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const where = displayPath(path.slice(0, i));
    if (Array.isArray(node)) {
      if (typeof key !== 'number') {
        return `${where} is a list: index it by a whole number from 0 to ${node.length}, not '${excerpt(String(key))}'`;
      }
      const last = Math.min(node.length, DOCUMENT_LIMITS.maxItems - 1);
      if (key > last) {
        const items = `a list of ${node.length} item${node.length === 1 ? '' : 's'}`;
        return `index ${key} is beyond the end of ${where} (${items}: use 0 to ${last})`;
      }
    } else if (typeof key === 'number' && creating) {
      return `${where} is not a list in the file: set it whole (${where}=[...])`;
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
      return `${displayPath(path.slice(0, i + 1))} is a value, not a group of fields`;
    }
    node = slot[name] as Node;
  }
  return { existing };
}
