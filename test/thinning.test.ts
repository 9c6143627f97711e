/**
 * Thinning: track processes fire only for hostile labels and count their benign labels when the
 * trial ends (docs/model.md, "Event loop"). These checks hold the counts and the traces to what
 * handling every track one by one would give. Tolerances are intervals: z = 4 on a mean's standard
 * error, or a chi-square quantile at 1e-6.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Count, TraceKind } from '../src/engine/index.ts';
import { simulate, simulatorFor, traceTrial } from '../src/runner/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';

const Z = 4;
const load = (name: string): LoadedScenario => {
  const r = loadScenarioFile(fileURLToPath(new URL(`../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('thinned track processes', () => {
  it('count tracks and labels as the analytic model says, over the whole horizon', async () => {
    // Alarms at l per day, hostile with f; the crisis plays on past the first use (one actor has
    // nobody to answer it), so E[tracks] = l T and E[hostile labels] = f l T.
    const [l, f, T] = [2, 0.05, 30];
    const tracks = l * T;
    const r = await simulate(load('analytic-single-sensor.yaml'), { runs: 40_000 });
    const expectNear = (name: 'tracks' | 'hostileLabels', exact: number) => {
      const e = r.outcomes.counts[name];
      expect(Math.abs(e.mean - exact), `${name}: ${e.mean} ± ${e.stderr} vs ${exact}`).toBeLessThan(
        Z * e.stderr,
      );
    };
    expectNear('tracks', tracks);
    expectNear('hostileLabels', f * tracks);
  });

  it('show every track in a trace, labelled, in time order, as the untraced run counts them', () => {
    const loaded = load('korean-peninsula-2026.yaml');
    const sim = simulatorFor(loaded.scenario);
    for (let trial = 0; trial < 20; trial++) {
      const counts = Float64Array.from(sim.run(1, trial).counts);
      const trace = traceTrial(loaded, 1, trial);
      const minutes = trace.events.map((e) => e.minute);
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
      const kinds = trace.events.map((e) => e.kind);
      const n = (kind: string) => kinds.filter((k) => k === kind).length;
      expect(n('track')).toBe(counts[Count.tracks]);
      expect(n('labelBenign')).toBe(counts[Count.tracks] - counts[Count.hostileLabels]);
      expect(n('labelHostile')).toBe(counts[Count.hostileLabels]);
    }
  });

  it('place benign tracks uniformly in time where the rate is constant', () => {
    // The analytic scenario's alarm rate never changes, so benign tracks fall uniformly over
    // [0, end of trial]; ten bins, chi-square against its 1 − 1e-6 quantile for 9 df (44.81, scipy).
    const loaded = load('analytic-single-sensor.yaml');
    const bins = new Float64Array(10);
    let total = 0;
    const recorder = {
      times: [] as number[],
      record(time: number, kind: number) {
        if (kind === TraceKind.labelBenign) this.times.push(time);
      },
    };
    const sim = simulatorFor(loaded.scenario);
    for (let trial = 0; trial < 400; trial++) {
      recorder.times.length = 0;
      sim.run(3, trial, recorder);
      const end = loaded.scenario.horizonDays * 1440;
      for (const t of recorder.times) {
        bins[Math.min(9, Math.floor((10 * t) / end))]++;
        total++;
      }
    }
    const expected = total / 10;
    const chi2 = bins.reduce((s, o) => s + ((o - expected) * (o - expected)) / expected, 0);
    expect(total).toBeGreaterThan(10_000);
    expect(chi2).toBeLessThan(44.81);
  });
});
