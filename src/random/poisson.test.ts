import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-distribution.ts';
import { logFactorial, poisson, type UniformSource } from './poisson.ts';
import { Rng } from './rng.ts';

const source = (seed: number): UniformSource => {
  const rng = new Rng(seed, 0, 3);
  return { next: () => (rng.nextUint32() + 0.5) / 4294967296 };
};

/** The chi-square quantile at 1 − alpha by Wilson and Hilferty (accurate to ~1% for df ≥ 3). */
function chiSquareQuantile(df: number, alpha: number): number {
  const z = -normalQuantile(alpha);
  const c = 2 / (9 * df);
  return df * (1 - c + z * Math.sqrt(c)) ** 3;
}

const pmf = (mean: number, k: number) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k));

describe('poisson', () => {
  // Means on both sides of the switch from inversion to rejection, and far into rejection.
  for (const mean of [0.3, 2, 9.99, 10, 37.5, 57, 1000, 250_000]) {
    // Fails for a sampler biased by 1% of the mean at 57 (checked by hand).
    it(`fits the Poisson(${mean}) pmf (chi-square, bins of expected count ≥ 20)`, () => {
      const n = 200_000;
      const src = source(Math.round(mean * 100));
      const counts = new Map<number, number>();
      let sum = 0;
      let integers = true;
      for (let i = 0; i < n; i++) {
        const k = poisson(mean, src);
        integers &&= Number.isInteger(k) && k >= 0;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        sum += k;
      }
      expect(integers).toBe(true);
      // Mean within 5 standard errors.
      expect(Math.abs(sum / n - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      // Bins from the mode outwards, merged until each expects ≥ 20; tails folded into the ends.
      const lo = Math.max(0, Math.floor(mean - 8 * Math.sqrt(mean) - 5));
      const hi = Math.ceil(mean + 8 * Math.sqrt(mean) + 5);
      const edges: number[] = [];
      let expected = 0;
      for (let k = lo; k <= hi; k++) {
        expected += pmf(mean, k) * n;
        if (expected >= 20) {
          edges.push(k);
          expected = 0;
        }
      }
      edges[edges.length - 1] = Infinity;
      let chi2 = 0;
      let start = -Infinity;
      for (const end of edges) {
        let e = 0;
        let o = 0;
        for (const [k, c] of counts) if (k > start && k <= end) o += c;
        const from = Math.max(0, Number.isFinite(start) ? start + 1 : 0);
        const to = Number.isFinite(end) ? end : hi + 200;
        for (let k = from; k <= to; k++) e += pmf(mean, k) * n;
        chi2 += ((o - e) * (o - e)) / e;
        start = end;
      }
      const df = edges.length - 1;
      expect(chi2).toBeLessThan(chiSquareQuantile(df, 1e-6));
    });
  }

  it('is 0 at mean 0 and refuses negative or infinite means', () => {
    expect(poisson(0, source(1))).toBe(0);
    expect(() => poisson(-1, source(1))).toThrow(RangeError);
    expect(() => poisson(Infinity, source(1))).toThrow(RangeError);
    expect(() => poisson(NaN, source(1))).toThrow(RangeError);
  });

  it('has log k! right on both sides of its table', () => {
    // math.lgamma(k + 1) from Python.
    expect(logFactorial(256) / 1167.2572785628802 - 1).toBeCloseTo(0, 14);
    expect(logFactorial(1000) / 5912.128178488163 - 1).toBeCloseTo(0, 14);
    expect(logFactorial(100_000) / 1051299.221899122 - 1).toBeCloseTo(0, 14);
    expect(logFactorial(255) - logFactorial(254)).toBeCloseTo(Math.log(255), 12);
  });
});

describe('poisson with alternating means', () => {
  // The constants of the last mean are kept between calls: a change of mean must never reuse them.
  it('draws exactly what a run of each mean alone draws, whatever came before', () => {
    const means = [2, 57, 3.5, 57, 1000, 2, 1000, 9.99, 10];
    const alone = (mean: number, seed: number) => {
      // Leave a different mean's constants behind, for inversion and for rejection.
      poisson(mean === 5 ? 6 : 5, source(0));
      poisson(mean === 37 ? 38 : 37, source(0));
      return poisson(mean, source(seed));
    };
    const fresh = means.map((mean, i) => alone(mean, i + 1));
    const interleaved = means.map((mean, i) => poisson(mean, source(i + 1)));
    expect(interleaved).toEqual(fresh);
  });
});
