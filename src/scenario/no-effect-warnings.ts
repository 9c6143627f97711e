import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Issue } from '../util/index.ts';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const keys = (x: unknown): string[] => (isObject(x) ? Object.keys(x) : []);
const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : []);

/**
 * Fields a valid scenario file sets that change nothing the model computes: warnings, not
 * errors, each with its path and line. Reads the file as written (defaults are not authored).
 */
export function noEffectWarnings(text: string, source?: string): Issue[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return [];
  const data: unknown = doc.toJS();
  const warnings: Issue[] = [];
  const warn = (path: string[], message: string) =>
    warnings.push({
      path: path.join('.'),
      message,
      ...(source === undefined ? {} : { source }),
      ...at(doc, path, lines),
    });
  const actors = isObject(data) ? data.actors : undefined;
  for (const id of keys(actors)) {
    const actor = (actors as Json)[id] as Json;
    const base = ['actors', id];
    const rates = isObject(actor.tracks) ? Object.values(actor.tracks) : [];
    const anyTrack = rates.some(
      (r) => isObject(r) && Object.values(r).some((v) => typeof v === 'number' && v > 0),
    );
    if (!anyTrack) {
      const unused = ['ai', 'legacy', 'confirmation'].filter((k) => k in actor);
      if (unused.length > 0)
        warn(
          base,
          `observes no tracks (no \`tracks\` rate above 0): its ${unused.slice(0, -1).join(', ')}${unused.length > 1 ? ' and ' : ''}${unused.at(-1)} settings have no effect`,
        );
    }
    const ai = isObject(actor.ai) ? actor.ai : {};
    const covered = list(ai.domains);
    if (!('training' in ai)) {
      for (const field of ['falsePositive', 'falseNegative'])
        for (const domain of keys(ai[field]).filter((d) => !covered.includes(d)))
          warn(
            [...base, 'ai', field, domain],
            `has no effect: the AI does not cover ${domain} (ai.domains: [${covered.join(', ')}]); the legacy chain classifies it`,
          );
    }
    const confirmation = isObject(actor.confirmation) ? actor.confirmation : undefined;
    if (confirmation && confirmation.enabled !== true) {
      for (const field of keys(confirmation).filter((k) => k !== 'enabled'))
        warn([...base, 'confirmation', field], 'has no effect while confirmation.enabled is false');
    }
  }
  return warnings;
}

/** Line and column of the key at `path` (of the deepest one that exists). */
function at(
  doc: Document,
  path: readonly string[],
  lines: LineCounter,
): { line?: number; column?: number } {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path[n - 1]);
    const start = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
    if (start !== undefined) {
      const pos = lines.linePos(start);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}
