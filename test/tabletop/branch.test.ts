import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/estimate/index.ts';
import { branchRisks, recordedTrace } from '../../src/runner/index.ts';
import { loadScenarioText } from '../../src/scenario/index.ts';
import { SCENARIOS } from '../helpers/api.ts';

/** z for 99.9%: a correct engine fails one check in a thousand runs, never with these seeds. */
const Z = 3.290526731491926;

function analytic() {
  const text = readFileSync(join(SCENARIOS, 'analytic-single-sensor.yaml'), 'utf8');
  const loaded = loadScenarioText(text, { source: 'analytic' });
  if (!loaded.ok) throw new Error('scenario');
  return loaded.value;
}

describe('the Monte Carlo branched from a decision', () => {
  it('matches the closed form of the analytic scenario under each choice, paired', () => {
    const loaded = analytic();
    // Trial 3 of seed 1: one false alarm reaches the human at minute 12,621.8.
    const { recording } = recordedTrace(loaded, 1, 3);
    const at = recording.decisions[0];
    expect(at.point).toBe('alert');
    const n = 4000;
    const r = branchRisks(loaded, recording, 0, { choice: 'veto' }, n);
    // Uses per day l·f·m = 2 × 0.05 × 0.1; the rest of the 30 days after the decision.
    const rest = 30 - at.minute / 1440;
    const afterVeto = 1 - Math.exp(-2 * 0.05 * 0.1 * rest);
    // The doctrine's human misses this wrong label with m = 0.1 (use at once), else the same.
    const underDoctrine = 0.1 + 0.9 * afterVeto;
    const inside = (p: number, k: number) => {
      const [lo, hi] = wilson(k, n, Z);
      return lo <= p && p <= hi;
    };
    expect(inside(afterVeto, Math.round(r.underChoice.p * n))).toBe(true);
    expect(inside(underDoctrine, Math.round(r.underAgent.p * n))).toBe(true);
    const d = r.difference;
    expect(Math.abs(d.estimate - 0.1 * (1 - afterVeto))).toBeLessThan(Z * d.stderr);
    // Common random numbers: the paired interval is far narrower than independent runs'.
    expect(d.stderr).toBeLessThan(0.6 * Math.sqrt((2 * 0.25 * 0.75) / n));
    expect(r.underChoice.ci95[0]).toBeLessThan(r.underChoice.p);
  });

  it('every branch keeps the recorded past, and one key always gives the same future', () => {
    const loaded = analytic();
    const { recording } = recordedTrace(loaded, 1, 3);
    const a = branchRisks(loaded, recording, 0, { choice: 'veto' }, 300);
    const b = branchRisks(loaded, recording, 0, { choice: 'veto' }, 300);
    expect(b).toEqual(a);
    // The futures differ between branches (else every branch would agree).
    expect(a.underChoice.p).toBeGreaterThan(0);
    expect(a.underChoice.p).toBeLessThan(1);
    expect(() => branchRisks(loaded, recording, 0, { choice: 'veto' }, 5000)).toThrow(/branches/);
  });
});
