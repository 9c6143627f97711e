import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { excerpt, type Issue, type Result } from '../util/index.ts';
import { checkOwnSafeguards } from './apply-safeguards.ts';
import { capIssues } from './cap-issues.ts';
import { issueParts } from './issue-parts.ts';
import {
  controlName,
  displayPath,
  DOCUMENT_LIMITS,
  inspectDocument,
  pathKey,
  rangeOf,
  type Segment,
} from './inspect-document.ts';
import { hashScenario } from './hash.ts';
import { parseChange, setPath, type Change } from './patch.ts';
import { parseUncertainArgument } from './uncertain-argument.ts';
import { uncertaintyProblems } from './uncertain-parameters.ts';
import { indentationIssues } from './indentation-issues.ts';
import { gameDeclaration } from './game-declaration.ts';
import type { LoadedScenario } from './loaded-scenario.ts';
import { resolveScenario } from './resolve.ts';

export type { LoadedScenario } from './loaded-scenario.ts';

export interface LoadOptions {
  /** Name shown in issues, usually the file path. Default: `scenario`. */
  readonly source?: string;
  /** `path=value` overrides applied before validation, e.g. `actors.north.human.automationBias=0.5`. */
  readonly sets?: readonly string[];
  /** `path=kind(...)` uncertain parameters added to the `uncertainty` block, e.g. `intensity=uniform(0.5, 2)`. */
  readonly uncertain?: readonly string[];
}

/** Largest scenario text, in bytes (UTF-8). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

// Control characters outside YAML's own whitespace (tab, newline, carriage return).
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Offsets of the document's keys, found once (inspect-document.ts), so issues are placed in O(1). */
type Offsets = Map<string, number>;

/**
 * Parses YAML text, applies `--set` overrides and validates, reporting every problem with its line
 * (the first 100, then how many more). Linear in the text: one pass finds every key's position.
 */
export function loadScenarioText(text: string, options: LoadOptions = {}): Result<LoadedScenario> {
  const result = loadChecked(text, options);
  return result.ok ? result : { ok: false, issues: capIssues(result.issues) };
}

function loadChecked(text: string, options: LoadOptions): Result<LoadedScenario> {
  const source = options.source ?? 'scenario';
  const lineCounter = new LineCounter();
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SCENARIO_BYTES) {
    const size = `${bytes.toLocaleString('en-US')} bytes`;
    const cap = `${MAX_SCENARIO_BYTES.toLocaleString('en-US')} bytes`;
    return {
      ok: false,
      issues: [{ path: '', message: `scenario of ${size} (at most ${cap})`, source }],
    };
  }
  // uniqueKeys is quadratic in a mapping's size; inspectDocument finds duplicates in one pass.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const control = TEXT_CONTROL.exec(text);
  if (control) {
    const name = controlName(control[0], TEXT_CONTROL);
    const path = displayPath(pathAt(doc.contents, control.index));
    const where = positionOf(lineCounter, control.index);
    const message = `control character ${name} in the text`;
    return { ok: false, issues: [{ path, message, source, ...where }] };
  }
  const syntax = doc.errors.slice(0, 100).map((error): Issue => {
    const noticed = skipIndent(text, error.pos[0]);
    const where = syntaxPlace(doc.contents, error.message, noticed, lineCounter);
    // The parser recurses per level of flow nesting; its stack is the limit it meets.
    const message = /call stack/i.test(error.message)
      ? `nested more than ${DOCUMENT_LIMITS.maxDepth} levels deep`
      : `YAML syntax: ${excerpt(firstLine(error.message), 200)}`;
    return {
      path: displayPath(where.path),
      message,
      source,
      ...positionOf(lineCounter, where.offset),
    };
  });
  if (syntax.length > 0) return { ok: false, issues: indentationIssues(text, syntax) };
  if (!isMap(doc.contents)) {
    return { ok: false, issues: [{ path: '', message: 'expected a mapping of fields', source }] };
  }
  const inspection = inspectDocument(doc, doc.contents);
  if (inspection.problems.length > 0) {
    const issues = inspection.problems.map(({ path, message, offset }) => ({
      path: displayPath(path),
      message,
      source,
      ...(offset === undefined ? {} : positionOf(lineCounter, offset)),
    }));
    return { ok: false, issues };
  }
  const offsets = inspection.offsets;

  const changes: { change: Change; from: string }[] = [];
  const setIssues: Issue[] = [];
  for (const arg of options.sets ?? []) {
    const change = parseChange(arg);
    if (typeof change === 'string') {
      setIssues.push({ path: excerpt(pathOf(arg), 120), message: change, source: setSource(arg) });
    } else changes.push({ change, from: setSource(arg) });
  }
  for (const arg of options.uncertain ?? []) {
    const parsed = parseUncertainArgument(arg);
    if (typeof parsed === 'string') {
      setIssues.push({
        path: `uncertainty.${excerpt(pathOf(arg), 120)}`,
        message: parsed,
        source: `--uncertain ${excerpt(arg)}`,
      });
    } else {
      const change = { path: ['uncertainty', parsed.path], value: parsed.entry };
      changes.push({ change, from: `--uncertain ${arg}` });
    }
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved or excessive aliases surface only here: point at the first unresolved alias,
    // else at the first alias.
    const message = excerpt(firstLine(error instanceof Error ? error.message : String(error)), 200);
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (!node.range) return undefined;
        offset ??= node.range[0];
        if (node.resolve(doc) !== undefined) return undefined;
        offset = node.range[0];
        return visit.BREAK;
      },
    });
    const where =
      offset === undefined
        ? {}
        : { path: displayPath(pathAt(doc.contents, offset)), ...positionOf(lineCounter, offset) };
    return { ok: false, issues: [...setIssues, { path: '', message, source, ...where }] };
  }
  const applied: { path: readonly Segment[]; from: string; existing: number }[] = [];
  for (const { change, from } of changes) {
    const outcome = setPath(data as Record<string, unknown>, change.path, change.value);
    if (typeof outcome === 'string') {
      setIssues.push({ path: change.path.join('.'), message: outcome, source: from });
    } else applied.push({ path: change.path, from, existing: outcome.existing });
  }
  const result = resolveScenario(data, { authored: true });
  if (result.ok && setIssues.length === 0) {
    const loaded = { scenario: result.value, hash: hashScenario(result.value) };
    const broken = checkOwnSafeguards(loaded).map(({ name, message }) => ({
      path: `safeguards.${name}`,
      message,
      source,
      ...locate(doc, offsets, ['safeguards', name], lineCounter),
    }));
    const uncertain = uncertaintyProblems(loaded).map(({ name, field, message }): Issue => {
      const at: Segment[] = ['uncertainty', name, ...(field === '' ? [] : fieldPath(field))];
      const from = applied.find((a) => startsWith(at, a.path))?.from;
      const where =
        from === undefined
          ? { source, ...locate(doc, offsets, at, lineCounter) }
          : { source: from };
      return { path: displayPath(at), message, ...where };
    });
    // A declared game is checked here too, so `validate` catches a broken strategy.
    const declared = loaded.scenario.game === undefined ? null : gameDeclaration(loaded);
    const game =
      declared === null || declared.ok
        ? []
        : declared.issues.map((issue): Issue => {
            const at = fieldPath(issue.path);
            const from = applied.find((a) => startsWith(at, a.path))?.from;
            const where =
              from === undefined
                ? { source, ...locate(doc, offsets, at, lineCounter) }
                : { source: from };
            return { path: issue.path, message: issue.message, ...where };
          });
    const problems = [...broken, ...uncertain, ...game];
    return problems.length === 0 ? { ok: true, value: loaded } : { ok: false, issues: problems };
  }
  if (result.ok) return { ok: false, issues: setIssues };
  const issues = result.zodIssues
    .flatMap((zi) => issueParts(zi))
    .map(({ path, message }) => {
      // Blame a --set for problems at or below its path, and at groups it created (a typo mid-path).
      const set = applied.find(
        (s) => startsWith(path, s.path) || (startsWith(s.path, path) && path.length > s.existing),
      );
      if (set) return { path: displayPath(path), message, source: set.from };
      const pos = locate(doc, offsets, path, lineCounter);
      return { path: displayPath(path), message, source, ...pos };
    });
  // File problems in reading order, then those from --set.
  issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { ok: false, issues: [...issues, ...setIssues] };
}

/** A --set as an issue names it: the argument, cut short. */
function setSource(arg: string): string {
  return `--set ${excerpt(arg)}`;
}

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

/** Path of the deepest mapping entry or list item whose source range holds the offset. */
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

/** The parser reports some errors at the start of the line; point at the first character instead. */
function skipIndent(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '\n' || i >= text.length ? offset : i;
}

/** Line and column of the deepest key on the path that exists in the file (from `offsets`). */
function locate(
  doc: Document,
  offsets: Offsets,
  path: Segment[],
  lineCounter: LineCounter,
): { line?: number; column?: number } {
  for (let n = path.length; n > 0; n--) {
    const offset = offsets.get(pathKey(path.slice(0, n)));
    if (offset !== undefined) return positionOf(lineCounter, offset);
  }
  const root = rangeOf(doc.contents)?.[0];
  return root === undefined ? {} : positionOf(lineCounter, root);
}

function startsWith(path: readonly Segment[], prefix: readonly Segment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

function fieldPath(field: string): Segment[] {
  return field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function pathOf(arg: string): string {
  const eq = arg.indexOf('=');
  return eq < 0 ? arg : arg.slice(0, eq);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
