/**
 * docs/capability.md's variant tables come from scripts/capability-table.ts: the rates tables must
 * match the scenarios exactly, and the script's simulation runs here on a small budget.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOC,
  formatDoc,
  ratesMarkdown,
  replaceSection,
  riskMarkdown,
  VARIANTS,
} from '../scripts/capability-table.ts';

const committed = readFileSync(DOC, 'utf8');

/** Body rows of the markdown tables in a text, as arrays of trimmed cells. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| variant') && !l.startsWith('| ---'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

function riskSection(doc: string): string {
  return doc.slice(
    doc.indexOf('<!-- begin capability-risk -->'),
    doc.indexOf('<!-- end capability-risk -->'),
  );
}

/** `2.31% [2.11%, 2.52%]` → [2.31, 2.11, 2.52] (percent). */
function estimate(cell: string): [number, number, number] {
  const m = /^([\d.]+)%? \[([\d.]+)%?, ([\d.]+)%?\]$/.exec(cell);
  if (!m) throw new Error(`not an estimate: ${cell}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('docs/capability.md', () => {
  it('has rates tables that match the scenarios (regenerate with `npm run docs:capability`)', async () => {
    const fresh = await formatDoc(replaceSection(committed, 'capability-rates', ratesMarkdown()));
    expect(fresh).toBe(committed);
  });

  it('shows the risk of every variant from a large run', () => {
    const risk = riskSection(committed);
    expect(risk).toContain('200,000 trials per variant');
    expect(rows(risk).map((r) => r[0])).toEqual(VARIANTS.map((v) => v.label));
  });

  it('supports its reading: peninsula-matched data lowers the risk beyond the intervals', () => {
    const byLabel = new Map(rows(riskSection(committed)).map((r) => [r[0], estimate(r[1])]));
    for (const hardware of ['Constrained', 'Unconstrained']) {
      const ukraine = byLabel.get(`${hardware}, Ukraine-war data`);
      const peninsula = byLabel.get(`${hardware}, peninsula data`);
      expect(peninsula?.[2]).toBeLessThan(ukraine?.[1] ?? 0);
    }
  });
});

describe('scripts/capability-table.ts', () => {
  it('simulates every variant on a small budget, each with an interval', async () => {
    const risk = await riskMarkdown({ runs: 1000, seed: 3 });
    expect(risk).toContain('1,000 trials per variant, seed 3');
    const body = rows(risk);
    expect(body.map((r) => r[0])).toEqual(VARIANTS.map((v) => v.label));
    for (const r of body) {
      for (const cell of r.slice(1)) {
        const [p, lo, hi] = estimate(cell.replace(/^0 /, '0% '));
        expect(lo).toBeLessThanOrEqual(p);
        expect(p).toBeLessThanOrEqual(hi);
      }
    }
  });
});
