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
import { gaussLegendre } from './helpers/quadrature.ts';

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

/** Exact first- and total-order indices of p over the uniform box, by tensor quadrature. */
function exactIndices(): { first: number[]; total: number[] } {
  const { x, w } = gaussLegendre(24);
  const nodes = Object.values(RANGES).map(([lo, hi]) =>
    x.map((z, i) => ({ v: lo + ((hi - lo) * (z + 1)) / 2, w: w[i] / 2 })),
  );
  const values = (i: number, j: number, k: number) =>
    p(nodes[0][i].v, nodes[1][j].v, nodes[2][k].v);
  const n = x.length;
  const idx = [...Array(n).keys()];
  let mean = 0;
  let square = 0;
  for (const i of idx)
    for (const j of idx)
      for (const k of idx) {
        const weight = nodes[0][i].w * nodes[1][j].w * nodes[2][k].w;
        mean += weight * values(i, j, k);
        square += weight * values(i, j, k) ** 2;
      }
  const variance = square - mean * mean;
  const at = (d: number, fixed: number, a: number, b: number) => {
    const slot = [a, b];
    slot.splice(d, 0, fixed);
    return values(slot[0], slot[1], slot[2]);
  };
  const first: number[] = [];
  const total: number[] = [];
  for (let d = 0; d < 3; d++) {
    const others = [0, 1, 2].filter((e) => e !== d);
    // V_d = Var E[p | x_d]; V_Td = E Var[p | x_−d].
    let conditional = 0;
    for (const i of idx) {
      let m = 0;
      for (const a of idx)
        for (const b of idx) m += nodes[others[0]][a].w * nodes[others[1]][b].w * at(d, i, a, b);
      conditional += nodes[d][i].w * m * m;
    }
    let within = 0;
    for (const a of idx)
      for (const b of idx) {
        let m = 0;
        let s = 0;
        for (const i of idx) {
          const v = at(d, i, a, b);
          m += nodes[d][i].w * v;
          s += nodes[d][i].w * v * v;
        }
        within += nodes[others[0]][a].w * nodes[others[1]][b].w * (s - m * m);
      }
    first.push((conditional - mean * mean) / variance);
    total.push(within / variance);
  }
  return { first, total };
}

const load = (extra: string[] = []) => {
  const loaded = loadScenarioFile(FILE, [], [...UNCERTAIN, ...extra]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
};

describe('Sobol indices of a stochastic simulator', () => {
  it('hold the analytic indices inside their intervals, inner noise and all', async () => {
    const exact = exactIndices();
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
