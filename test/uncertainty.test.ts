/**
 * `petrov uncertainty` on the analytic scenario with l, f and m uniform: the mean of P(use) over
 * the parameters, E[1 − exp(−l f m T)] by quadrature, must lie inside the two-level Monte Carlo
 * interval; safeguards whose effect is known exactly must show it at every parameter set.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Z95 } from '../src/estimate/index.ts';
import { uncertainty } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';
import { gaussLegendre } from './helpers/quadrature.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const RANGES = [
  [1, 3],
  [0.02, 0.08],
  [0.85, 0.95],
] as const;
const UNCERTAIN = [
  `${A}.tracks.ballistic.falseAlarm=uniform(1, 3)`,
  `${A}.ai.falsePositive.ballistic=uniform(0.02, 0.08)`,
  `${A}.human.catchProbability=uniform(0.85, 0.95)`,
];

function exactMean(): number {
  const { x, w } = gaussLegendre(24);
  const nodes = RANGES.map(([lo, hi]) =>
    x.map((z, i) => [lo + ((hi - lo) * (z + 1)) / 2, w[i] / 2]),
  );
  let mean = 0;
  for (const [l, wl] of nodes[0])
    for (const [f, wf] of nodes[1])
      for (const [c, wc] of nodes[2]) mean += wl * wf * wc * (1 - Math.exp(-l * f * (1 - c) * 30));
  return mean;
}

describe('petrov uncertainty', () => {
  it('holds the exact mean over the parameters, and known safeguard effects at every set', async () => {
    const loaded = loadScenarioFile(FILE, [], UNCERTAIN);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const result = await uncertainty(loaded.value, {
      parameterSets: 200,
      repetitions: 200,
      // Confidence is fixed at 0.7 on wrong labels, below the safeguard's 0.95: no use at all.
      // The scenario already keeps a human in the loop: that safeguard changes nothing.
      safeguards: ['confidence-threshold', 'human-in-the-loop'],
    });
    const { mean, p05, median, p95, noiseShare } = result.outcomes.nuclearUse;
    const exact = exactMean();
    expect(Math.abs(mean.estimate - exact)).toBeLessThanOrEqual(Z95 * mean.stderr);
    expect(p05.estimate).toBeLessThan(median.estimate);
    expect(median.estimate).toBeLessThan(p95.estimate);
    expect(noiseShare).toBeGreaterThan(0);
    const [threshold, loop] = result.safeguards;
    expect(threshold.name).toBe('confidence-threshold');
    expect(threshold.lowersRisk.estimate).toBe(1);
    expect(threshold.meanReduction.estimate).toBe(mean.estimate);
    expect(loop.meanReduction.estimate).toBe(0);
    expect(result.ranking).toEqual({
      order: ['confidence-threshold', 'human-in-the-loop'],
      holds: { estimate: 1, stderr: 0 },
    });
  });

  it('runs from the command line, naming a bad safeguard', async () => {
    const args = ['uncertainty', FILE, '--uncertain', UNCERTAIN[0], '--parameter-sets', '10'];
    const ok = await cli(...args, '--repetitions', '50', '--json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.out) as { runs: number }).runs).toBe(500);
    const bad = await cli(...args, '--safeguard', 'hotlin');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^--safeguard hotlin: hotlin: unknown safeguard/);
  });
});
