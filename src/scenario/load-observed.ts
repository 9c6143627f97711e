import { LineCounter, parseDocument } from 'yaml';
import type { Issue, Result } from '../util/index.ts';
import { issueParts } from './issue-parts.ts';
import { observedSchema, type ObservedData } from './observed-schema.ts';
import { readInputFile } from './read-input-file.ts';

/** Observed data files are small tables of counts. */
export const MAX_OBSERVED_BYTES = 256 * 1024;

/** Reads and validates an observed-data file (YAML or JSON); problems name the field and line. */
export function loadObservedFile(file: string): Result<ObservedData> {
  const read = readInputFile(file, MAX_OBSERVED_BYTES, 'observed data');
  return read.ok ? loadObservedText(read.value, file) : read;
}

export function loadObservedText(text: string, source = 'observed data'): Result<ObservedData> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return {
      ok: false,
      issues: [{ path: '', message: e.message.split('\n')[0], source, ...at(e.pos[0]) }],
    };
  }
  const parsed = observedSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: Issue[] = parsed.error.issues.flatMap(issueParts).map(({ path, message }) => {
    // The deepest node that exists places the issue (a missing field: its parent).
    let node: unknown;
    for (let n = path.length; n >= 0 && node === undefined; n--)
      node = doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return { path: path.join('.'), message, source, ...at(range?.[0]) };
  });
  return { ok: false, issues };
}
