/**
 * Sobol indices of the analytic scenario's P(use) = 1 − exp(−l f m T) with l, f and m uniform on
 * ranges, inner Monte Carlo noise present (a few hundred trials per parameter set): the exact
 * indices, by Gauss–Legendre integration here, must lie inside the bootstrap intervals, taken at a
 * family-wise 95% level (Bonferroni over the six indices). A parameter the scenario ignores must
 * come out with no sensitivity, and the same seed gives the same indices on 1 and 2 workers.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sobol } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { exactSobolIndices } from './helpers/quadrature.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const RANGES = { l: [1, 3], f: [0.02, 0.08], c: [0.85, 0.95] } as const;
const UNCERTAIN = [
  `${A}.tracks.ballistic.falseAlarm=uniform(${RANGES.l.join(', ')})`,
  `${A}.ai.falsePositive.ballistic=uniform(${RANGES.f.join(', ')})`,
  `${A}.human.catchProbability=uniform(${RANGES.c.join(', ')})`,
];
const T = 30;
const p = (l: number, f: number, c: number) => 1 - Math.exp(-l * f * (1 - c) * T);

const load = (extra: string[] = []) => {
  const loaded = loadScenarioFile(FILE, [], [...UNCERTAIN, ...extra]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
};

describe('Sobol indices of a stochastic simulator', () => {
  it('hold the analytic indices inside their intervals, inner noise and all', async () => {
    const exact = exactSobolIndices(p, Object.values(RANGES));
    const result = await sobol(load(), {
      basePoints: 500,
      repetitions: 100,
      level: 1 - 0.05 / 6,
    });
    // The inner noise is real: a sizeable share of the spread of the raw estimates.
    expect(
      result.noiseVariance / (result.noiseVariance + result.variance.estimate),
    ).toBeGreaterThan(0.05);
    for (const [i, name] of UNCERTAIN.map((u) => u.split('=')[0]).entries()) {
      const got = result.indices.find((x) => x.parameter === name);
      if (!got) throw new Error(name);
      const { first, total } = got;
      expect(
        first.ci[0] <= exact.first[i] && exact.first[i] <= first.ci[1],
        `S ${name}: ${exact.first[i]} in ${first.ci}`,
      ).toBe(true);
      expect(
        total.ci[0] <= exact.total[i] && exact.total[i] <= total.ci[1],
        `ST ${name}: ${exact.total[i]} in ${total.ci}`,
      ).toBe(true);
    }
  });

  it('finds no sensitivity to a parameter the model ignores, and is the same on 1 and 2 workers', async () => {
    // Intensity scales genuine and benign tracks, of which the analytic scenario has none.
    const loaded = load(['intensity=uniform(0.5, 2)']);
    const options = { basePoints: 60, repetitions: 100, seed: 4 };
    const one = await sobol(loaded, { ...options, workers: 1 });
    const two = await sobol(loaded, { ...options, workers: 2 });
    const strip = (r: typeof one) => ({ ...r, timing: null });
    expect(strip(two)).toEqual(strip(one));
    const intensity = one.indices.find((x) => x.parameter === 'intensity');
    expect(intensity?.total).toEqual({ estimate: 0, ci: [0, 0] });
  });
});
