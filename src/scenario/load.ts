import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parse,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import type { z } from 'zod';
import type { Issue, Result } from '../util/index.ts';
import { checkOwnSafeguards } from './apply-safeguards.ts';
import { unknownFieldMessage } from './field-suggestion.ts';
import { hashScenario } from './hash.ts';
import { indentationIssues } from './indentation-issues.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
import { resolveScenario } from './resolve.ts';

export type { LoadedScenario } from './loaded-scenario.ts';

export interface LoadOptions {
  /** Name shown in issues, usually the file path. Default: `scenario`. */
  readonly source?: string;
  /** `path=value` overrides applied before validation, e.g. `actors.north.human.automationBias=0.5`. */
  readonly sets?: readonly string[];
}

type Segment = string | number;

/** Parses YAML text, applies `--set` overrides and validates, reporting every problem with its line. */
export function loadScenarioText(text: string, options: LoadOptions = {}): Result<LoadedScenario> {
  const source = options.source ?? 'scenario';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors.map((error): Issue => {
    const noticed = skipIndent(text, error.pos[0]);
    const where = syntaxPlace(doc.contents, error.message, noticed, lineCounter);
    const message = syntaxMessage(error.code, error.message, text, noticed);
    return {
      path: where.path.join('.'),
      message,
      source,
      ...positionOf(lineCounter, where.offset),
    };
  });
  if (syntax.length > 0) return { ok: false, issues: indentationIssues(text, syntax) };
  if (!isMap(doc.contents)) {
    return { ok: false, issues: [{ path: '', message: 'expected a mapping of fields', source }] };
  }

  const applied: { path: Segment[]; arg: string; existing: number }[] = [];
  const setIssues: Issue[] = [];
  for (const arg of options.sets ?? []) {
    const outcome = applySet(doc, arg);
    if (typeof outcome === 'string') {
      setIssues.push({ path: pathOf(arg), message: outcome, source: `--set ${arg}` });
    } else {
      applied.push({ path: outcome.path, arg, existing: outcome.existing });
    }
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved or excessive aliases surface only here; point at the first unresolved alias.
    const message = firstLine(error instanceof Error ? error.message : String(error));
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc) === undefined && node.range) {
          offset = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    const where =
      offset === undefined
        ? {}
        : { path: pathAt(doc.contents, offset).join('.'), ...positionOf(lineCounter, offset) };
    return { ok: false, issues: [...setIssues, { path: '', message, source, ...where }] };
  }
  const result = resolveScenario(data, { authored: true });
  if (result.ok && setIssues.length === 0) {
    const loaded = { scenario: result.value, hash: hashScenario(result.value) };
    const broken = checkOwnSafeguards(loaded).map(({ name, message }) => ({
      path: `safeguards.${name}`,
      message,
      source,
      ...locate(doc, ['safeguards', name], lineCounter),
    }));
    return broken.length === 0 ? { ok: true, value: loaded } : { ok: false, issues: broken };
  }
  if (result.ok) return { ok: false, issues: setIssues };
  const issues = result.zodIssues
    .flatMap((zi) => splitUnknownKeys(zi))
    .map(({ path, message }) => {
      // Blame a --set for problems at or below its path, and at groups it created (a typo mid-path).
      const set = applied.find(
        (s) => startsWith(path, s.path) || (startsWith(s.path, path) && path.length > s.existing),
      );
      if (set) return { path: path.join('.'), message, source: `--set ${set.arg}` };
      const pos = locate(doc, path, lineCounter);
      return { path: path.join('.'), message, source, ...pos };
    });
  // File problems in reading order, then those from --set.
  issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { ok: false, issues: [...issues, ...setIssues] };
}

/** zod reports unknown keys once per object; we report each key at its own line. */
function splitUnknownKeys(issue: z.core.$ZodIssue): { path: Segment[]; message: string }[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: unknownFieldMessage([...path, key]),
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: 'required field is missing' }];
  }
  const got = issue.input;
  const shown = typeof got === 'number' || typeof got === 'boolean' || typeof got === 'string';
  // JSON would print NaN and Infinity as null.
  const text = typeof got === 'number' && !Number.isFinite(got) ? String(got) : JSON.stringify(got);
  return [{ path, message: shown ? `${issue.message} (got ${text})` : issue.message }];
}

/**
 * Sets one `path=value` in the document; returns the path and how many of its leading segments
 * already existed, or a message saying why it cannot.
 */
function applySet(doc: Document, arg: string): { path: Segment[]; existing: number } | string {
  const eq = arg.indexOf('=');
  if (eq <= 0) return 'expected path=value';
  const path: Segment[] = arg
    .slice(0, eq)
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (path.some((s) => s === '')) return 'empty path segment';
  let value: unknown;
  try {
    value = parse(arg.slice(eq + 1));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `value is not valid YAML: ${firstLine(message).replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  // Actors are entries of a record: --set may change them, never create one by a typo.
  if (path[0] === 'actors' && path.length > 1 && !doc.hasIn(['actors', path[1]])) {
    const known = doc.getIn(['actors']);
    const ids = isMap(known)
      ? known.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key))
      : [];
    return `no actor '${String(path[1])}' (actors: ${ids.join(', ')})`;
  }
  for (let i = 1; i < path.length; i++) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (parent !== undefined && !isMap(parent) && !isSeq(parent)) {
      return `${path.slice(0, i).join('.')} is a value, not a group of fields`;
    }
  }
  let existing = 0;
  while (existing < path.length && doc.hasIn(path.slice(0, existing + 1))) existing++;
  doc.setIn(path, value);
  return { path, existing };
}

/** Path of the deepest mapping entry or list item whose source range holds the offset. */
/**
 * Where to report a syntax error: where the parser noticed it, except that a misindented key is
 * reported under the field it sits in by its column (the parser files it elsewhere), and an
 * unclosed flow collection at the field that opens it.
 */
function syntaxPlace(
  root: unknown,
  message: string,
  noticed: number,
  lines: LineCounter,
): { path: Segment[]; offset: number } {
  if (message.startsWith('All mapping items must start at the same column')) {
    return {
      path: enclosingByColumn(root, noticed, lines.linePos(noticed).col, lines),
      offset: noticed,
    };
  }
  const path = pathAt(root, noticed);
  if (message.startsWith('Flow map') || message.startsWith('Flow sequence')) {
    const start = rangeOf(nodeAt(root, path))?.[0];
    if (start !== undefined) return { path, offset: start };
  }
  return { path, offset: noticed };
}

/** The field a key at `column` belongs in: descend through the last keys before it, less indented. */
function enclosingByColumn(
  node: unknown,
  offset: number,
  column: number,
  lines: LineCounter,
): Segment[] {
  const path: Segment[] = [];
  let current = node;
  while (isMap(current)) {
    const before = current.items.filter((p) => (rangeOf(p.key)?.[0] ?? Infinity) < offset);
    const pair = before[before.length - 1];
    const start = pair === undefined ? undefined : rangeOf(pair.key)?.[0];
    if (pair === undefined || start === undefined || lines.linePos(start).col >= column) break;
    path.push(String(isScalar(pair.key) ? pair.key.value : pair.key));
    current = pair.value;
  }
  return path;
}

function nodeAt(root: unknown, path: readonly Segment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (isMap(current)) {
      current = current.items.find(
        (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
      )?.value;
    } else if (isSeq(current) && typeof segment === 'number') current = current.items[segment];
    else return undefined;
  }
  return current;
}

function pathAt(node: unknown, offset: number): Segment[] {
  const path: Segment[] = [];
  let current = node;
  for (;;) {
    if (isMap(current)) {
      const pair = current.items.find((p) => {
        const start = rangeOf(p.key)?.[0];
        const end = rangeOf(p.value)?.[2] ?? rangeOf(p.key)?.[2];
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      if (!pair) return path;
      path.push(String(isScalar(pair.key) ? pair.key.value : pair.key));
      current = pair.value;
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => {
        const r = rangeOf(item);
        return r !== undefined && r[0] <= offset && offset <= r[2];
      });
      if (index < 0) return path;
      path.push(index);
      current = current.items[index];
    } else {
      return path;
    }
  }
}

function positionOf(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
}

/** The parser reports some errors at the start of the line; point at the first character instead. */
function skipIndent(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '\n' || i >= text.length ? offset : i;
}

function syntaxMessage(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim();
    return `duplicate field '${key}'`;
  }
  return `YAML syntax: ${firstLine(message)}`;
}

/** Line and column of the deepest node on the path that exists in the document. */
function locate(
  doc: Document,
  path: Segment[],
  lineCounter: LineCounter,
): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const keyNode = n > 0 ? keyNodeOf(doc, path.slice(0, n)) : undefined;
    const target = keyNode ?? node;
    const range = (target as { range?: [number, number, number] } | undefined)?.range;
    if (range) return positionOf(lineCounter, range[0]);
  }
  return {};
}

/** The key node of the last path segment, so errors point at `field:` rather than its value. */
function keyNodeOf(doc: Document, path: Segment[]): unknown {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
  return pair?.key;
}

function startsWith(path: Segment[], prefix: Segment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

function pathOf(arg: string): string {
  const eq = arg.indexOf('=');
  return eq < 0 ? arg : arg.slice(0, eq);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
