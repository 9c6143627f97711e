import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { excerpt } from '../util/index.ts';

export type Segment = string | number;

/** Bounds on a scenario document's shape, checked in one pass before the schema sees it. */
export const DOCUMENT_LIMITS = {
  /** Keys in one document (all mappings together). */
  maxKeys: 10_000,
  /** Items in one list. */
  maxItems: 1_000,
  /** Levels of nesting. */
  maxDepth: 32,
  /** Characters in one key. */
  maxKeyLength: 100,
} as const;

/** Keys that would reach an object's prototype when the document becomes plain data. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

// C0 controls but tab and newline, DEL and C1 controls (ESC starts ANSI escapes, U+009B is CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// Keys allow no control character at all.
// eslint-disable-next-line no-control-regex
const KEY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A structural problem, at a path and (when the node has one) an offset in the source text. */
export interface NodeProblem {
  readonly path: Segment[];
  readonly message: string;
  readonly offset?: number;
}

export interface DocumentInspection {
  readonly problems: NodeProblem[];
  /** Offset of every key (or list item) by its path (`pathKey`), to place issues in O(1). */
  readonly offsets: Map<string, number>;
}

/** The key of a path in `offsets`: segments joined by NUL, which no accepted key contains. */
export function pathKey(path: readonly Segment[]): string {
  return path.map(String).join('\u0000');
}

/** A path as an issue shows it: dotted, at most 120 characters. */
export function displayPath(path: readonly Segment[]): string {
  return excerpt(path.map(String).join('.'), 120);
}

/** The code point of a control character, as an error names it. */
export function controlName(text: string, pattern: RegExp = CONTROL): string | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Walks a parsed document once (linear in its size) and reports what the schema cannot see or
 * should not have to: duplicate, reserved, overlong or non-text keys; control characters in keys
 * and text; too many keys, too long lists, too deep nesting; aliases that contain themselves. Stops
 * at the first cap it meets. `prefix` is the path of `root` (a `--set` value's own path).
 */
export function inspectDocument(
  doc: Document,
  root: unknown,
  prefix: readonly Segment[] = [],
): DocumentInspection {
  const problems: NodeProblem[] = [];
  const offsets = new Map<string, number>();
  const ancestors = new Set<unknown>();
  let keys = 0;
  let stopped = false;
  const problem = (path: Segment[], message: string, node?: unknown) => {
    const offset = rangeOf(node)?.[0];
    problems.push(offset === undefined ? { path, message } : { path, message, offset });
  };

  const walk = (node: unknown, path: Segment[], depth: number): void => {
    if (stopped || node === null || node === undefined) return;
    if (depth > DOCUMENT_LIMITS.maxDepth) {
      problem(path, `nested more than ${DOCUMENT_LIMITS.maxDepth} levels deep`, node);
      stopped = true;
      return;
    }
    if (isAlias(node)) {
      if (ancestors.has(node.resolve(doc))) {
        problem(
          path,
          `alias *${excerpt(node.source)} refers to a node that contains it (a loop)`,
          node,
        );
      }
      return;
    }
    if (isScalar(node)) {
      const control = typeof node.value === 'string' ? controlName(node.value) : undefined;
      if (control) problem(path, `text contains the control character ${control}`, node);
      return;
    }
    ancestors.add(node);
    if (isMap(node)) {
      keys += node.items.length;
      if (keys > DOCUMENT_LIMITS.maxKeys) {
        problem(path, `more than ${DOCUMENT_LIMITS.maxKeys.toLocaleString('en-US')} fields`, node);
        stopped = true;
        return;
      }
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (
          !isScalar(pair.key) ||
          (pair.key.value !== null && typeof pair.key.value === 'object')
        ) {
          problem(path, 'a key must be a plain name, not a list or mapping', pair.key);
          continue;
        }
        const key = String(pair.key.value);
        const here = [...path, excerpt(key, DOCUMENT_LIMITS.maxKeyLength)];
        const control = controlName(key, KEY_CONTROL);
        if (key.length > DOCUMENT_LIMITS.maxKeyLength) {
          problem(
            here,
            `key of ${key.length} characters (at most ${DOCUMENT_LIMITS.maxKeyLength})`,
            pair.key,
          );
        } else if (control) {
          problem(here, `key contains the control character ${control}`, pair.key);
        } else if (RESERVED_KEYS.has(key)) {
          problem(here, `'${key}' is a reserved key`, pair.key);
        } else if (seen.has(key)) {
          problem(here, `duplicate field '${key}'`, pair.key);
        } else {
          seen.add(key);
          const offset = rangeOf(pair.key)?.[0];
          if (offset !== undefined) offsets.set(pathKey(here), offset);
          walk(pair.value, here, depth + 1);
        }
        if (stopped) return;
      }
    } else if (isSeq(node)) {
      if (node.items.length > DOCUMENT_LIMITS.maxItems) {
        const n = node.items.length.toLocaleString('en-US');
        problem(path, `a list of ${n} items (at most ${DOCUMENT_LIMITS.maxItems})`, node);
        stopped = true;
        return;
      }
      node.items.forEach((item, i) => {
        const here = [...path, i];
        const offset = rangeOf(item)?.[0];
        if (offset !== undefined) offsets.set(pathKey(here), offset);
        walk(item, here, depth + 1);
      });
    }
    ancestors.delete(node);
  };
  walk(root, [...prefix], prefix.length);
  return { problems, offsets };
}

export function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Node | null | undefined)?.range ?? undefined;
}
