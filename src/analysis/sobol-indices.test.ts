import { describe, expect, it } from 'vitest';
import { KroneckerSequence, Rng } from '../random/index.ts';
import { sobolIndices } from './sobol-indices.ts';

/** Ishigami (a = 7, b = 0.1) on [−π, π]³: the standard test of Sobol estimators. */
const ishigami = (x: readonly number[]) =>
  Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
// Analytic values (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, 4.6).
const S1 = [0.3139, 0.4424, 0];
const ST = [0.5576, 0.4424, 0.2437];

describe('Sobol indices', () => {
  it("hold the Ishigami function's known indices inside their intervals", () => {
    const n = 4096;
    const k = 3;
    const sequence = new KroneckerSequence(2 * k, new Rng(3, 0, 0));
    const terms = {
      ab: new Float64Array(n),
      total: [0, 1, 2].map(() => new Float64Array(n)),
      first: [0, 1, 2].map(() => new Float64Array(n)),
    };
    const u = new Float64Array(2 * k);
    for (let j = 0; j < n; j++) {
      sequence.point(j + 1, u);
      const a = [...u.subarray(0, k)].map((x) => Math.PI * (2 * x - 1));
      const b = [...u.subarray(k)].map((x) => Math.PI * (2 * x - 1));
      const [fa, fb] = [ishigami(a), ishigami(b)];
      terms.ab[j] = (fa - fb) ** 2;
      for (let i = 0; i < k; i++) {
        const fab = ishigami(a.map((x, c) => (c === i ? b[i] : x)));
        terms.total[i][j] = (fa - fab) ** 2;
        terms.first[i][j] = (fb - fab) ** 2;
      }
    }
    // Six intervals at a family-wise 95% level (Bonferroni).
    const result = sobolIndices(terms, new Rng(3, 0, 1), 1000, 1 - 0.05 / 6);
    // Var f = a²/8 + b π⁴/5 + b² π⁸/18 + 1/2.
    const variance = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
    const v = result.variance.ci;
    expect(v[0] <= variance && variance <= v[1], `Var f ${variance} in ${v}`).toBe(true);
    for (let i = 0; i < k; i++) {
      const [f, t] = [result.first[i], result.total[i]];
      expect(f.ci[0] <= S1[i] && S1[i] <= f.ci[1], `S${i + 1} ${S1[i]} in ${f.ci}`).toBe(true);
      expect(t.ci[0] <= ST[i] && ST[i] <= t.ci[1], `ST${i + 1} ${ST[i]} in ${t.ci}`).toBe(true);
    }
    // Informative, not merely wide: x3 acts only through its interaction with x1, which they tell.
    expect(result.first[2].ci[1]).toBeLessThan(result.total[2].ci[0]);
    expect(result.first[1].ci[0]).toBeGreaterThan(result.first[2].ci[1]);
  });
});
