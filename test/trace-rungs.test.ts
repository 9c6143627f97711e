/** A trace's structured rungs: what the web app draws as each side's path up the ladder. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { traceTrial } from '../src/runner/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';

const load = (name: string): LoadedScenario => {
  const r = loadScenarioFile(fileURLToPath(new URL(`../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('trace rungs', () => {
  it('chain from each actor’s initial rung, step by step, up to its highest rung', () => {
    const loaded = load('korean-peninsula-2026.yaml');
    for (let trial = 0; trial < 30; trial++) {
      const trace = traceTrial(loaded, 1, trial);
      const at = new Map(Object.entries(trace.initialRung));
      const highest = new Map(at);
      const rank = (r: string) => trace.ladder.indexOf(r);
      for (const e of trace.events) {
        if (e.rung === undefined) continue;
        expect(e.kind).toBe('rungChange');
        const actor = e.actor ?? '';
        expect(e.rung.from).toBe(at.get(actor));
        at.set(actor, e.rung.to);
        if (rank(e.rung.to) > rank(highest.get(actor) ?? '')) highest.set(actor, e.rung.to);
      }
      expect(Object.fromEntries(highest)).toEqual(trace.highestRung);
    }
  });
});
