import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Issue, Result } from '../util/index.ts';
import { hashScenario } from './hash.ts';
import { resolveScenario, type ResolvedScenario } from './resolve.ts';

/** A validated scenario plus what identifies it. */
export interface LoadedScenario {
  readonly scenario: ResolvedScenario;
  /** sha256 of the resolved scenario's canonical JSON: equal hashes, equal models. */
  readonly hash: string;
}

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
    const pos = lineCounter.linePos(error.pos[0]);
    return { path: '', message: firstLine(error.message), line: pos.line, column: pos.col, source };
  });
  if (syntax.length > 0) return { ok: false, issues: syntax };
  if (!isMap(doc.contents)) {
    return { ok: false, issues: [{ path: '', message: 'expected a mapping of fields', source }] };
  }

  const applied: { path: Segment[]; arg: string }[] = [];
  const setIssues: Issue[] = [];
  for (const arg of options.sets ?? []) {
    const outcome = applySet(doc, arg);
    if (typeof outcome === 'string')
      setIssues.push({ path: pathOf(arg), message: outcome, source: `--set ${arg}` });
    else applied.push({ path: outcome, arg });
  }
  if (setIssues.length > 0) return { ok: false, issues: setIssues };

  const result = resolveScenario(doc.toJS());
  if (result.ok)
    return { ok: true, value: { scenario: result.value, hash: hashScenario(result.value) } };
  const issues = result.zodIssues
    .flatMap((zi) => splitUnknownKeys(zi))
    .map(({ path, message }) => {
      const set = applied.find((s) => startsWith(path, s.path));
      if (set) return { path: path.join('.'), message, source: `--set ${set.arg}` };
      const pos = locate(doc, path, lineCounter);
      return { path: path.join('.'), message, source, ...pos };
    });
  // File problems in reading order, then those from --set.
  issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { ok: false, issues };
}

/** zod reports unknown keys once per object; we report each key at its own line. */
function splitUnknownKeys(issue: z.core.$ZodIssue): { path: Segment[]; message: string }[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: 'required field is missing' }];
  }
  const got = issue.input;
  const shown = typeof got === 'number' || typeof got === 'boolean' || typeof got === 'string';
  return [
    { path, message: shown ? `${issue.message} (got ${JSON.stringify(got)})` : issue.message },
  ];
}

/** Sets one `path=value` in the document; returns the path, or a message saying why it cannot. */
function applySet(doc: Document, arg: string): Segment[] | string {
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
    return `value is not valid YAML: ${firstLine(String(error))}`;
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
  doc.setIn(path, value);
  return path;
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
    if (range) {
      const pos = lineCounter.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
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
