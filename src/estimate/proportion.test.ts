import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateProportion, wilson, Z95 } from './proportion.ts';

/**
 * The Wilson score interval computed a different way: its bounds are the roots in p of
 * (k/n - p)^2 = z^2 p (1 - p) / n, i.e. (1 + z^2/n) p^2 - (2k/n + z^2/n) p + (k/n)^2 = 0.
 */
function wilsonByQuadratic(k: number, n: number, z = Z95): [number, number] {
  const phat = k / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * phat + (z * z) / n);
  const c = phat * phat;
  const root = Math.sqrt(b * b - 4 * a * c);
  return [(-b - root) / (2 * a), (-b + root) / (2 * a)];
}

describe('wilson', () => {
  it('uses z = 1.959964 (the 97.5% normal quantile)', () => {
    expect(Z95).toBeCloseTo(1.959964, 6);
  });

  it.each([
    [0, 10],
    [5, 10],
    [1, 100],
    [3, 7],
    [999, 1000],
    [1, 1_000_000],
  ])('matches the textbook formula at k=%i, n=%i', (k, n) => {
    const [lo, hi] = wilson(k, n);
    const [refLo, refHi] = wilsonByQuadratic(k, n);
    expect(lo).toBeCloseTo(refLo, 12);
    expect(hi).toBeCloseTo(refHi, 12);
  });

  it.each([
    // Hand values with z = 1.96: at k = 0 the upper bound is z^2 / (n + z^2).
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [1, 100, 0.0018, 0.0545],
    // Newcombe (1998), Statistics in Medicine 17:857-872, worked examples for the score method.
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('agrees with published values at k=%i, n=%i: [%f, %f]', (k, n, lo, hi) => {
    const ci = wilson(k, n);
    expect(ci[0]).toBeCloseTo(lo, 4);
    expect(ci[1]).toBeCloseTo(hi, 4);
  });

  it('has the closed form z^2 / (n + z^2) for the upper bound at k = 0', () => {
    for (const n of [1, 10, 100, 12345]) {
      expect(wilson(0, n)[0]).toBe(0);
      expect(wilson(0, n)[1]).toBeCloseTo((Z95 * Z95) / (n + Z95 * Z95), 14);
    }
  });

  it('is exactly [0, ...] at k = 0 and [..., 1] at k = n', () => {
    expect(wilson(0, 7)[0]).toBe(0);
    expect(wilson(7, 7)[1]).toBe(1);
  });

  it('stays inside [0, 1], contains k/n and is symmetric under k -> n - k (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1e9 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const [lo, hi] = wilson(k, n);
          const p = k / n;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(p);
          expect(hi).toBeGreaterThanOrEqual(p);
          const [mlo, mhi] = wilson(n - k, n);
          expect(lo).toBeCloseTo(1 - mhi, 12);
          expect(hi).toBeCloseTo(1 - mlo, 12);
        },
      ),
    );
  });

  it('narrows as n grows at a fixed proportion', () => {
    let width = Infinity;
    for (const n of [10, 100, 1000, 10_000, 100_000]) {
      const [lo, hi] = wilson(n / 10, n);
      expect(hi - lo).toBeLessThan(width);
      width = hi - lo;
    }
  });

  it('is wider with a larger z', () => {
    const [lo95, hi95] = wilson(3, 40);
    const [lo99, hi99] = wilson(3, 40, 2.5758);
    expect(lo99).toBeLessThan(lo95);
    expect(hi99).toBeGreaterThan(hi95);
  });
});

describe('estimateProportion', () => {
  it('gives p = k/n, stderr = sqrt(p(1-p)/n), relErr = stderr/p and the Wilson interval', () => {
    const e = estimateProportion(25, 100);
    expect(e.p).toBe(0.25);
    expect(e.stderr).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 100), 15);
    expect(e.stderr).toBeCloseTo(0.0433013, 6);
    expect(e.relErr).toBeCloseTo(0.0433013 / 0.25, 6);
    expect(e.ci95).toEqual(wilson(25, 100));
  });

  it('has relErr null at k = 0 (unbounded), with stderr 0 and a non-trivial interval', () => {
    const e = estimateProportion(0, 10);
    expect(e.p).toBe(0);
    expect(e.stderr).toBe(0);
    expect(e.relErr).toBeNull();
    expect(e.ci95[0]).toBe(0);
    expect(e.ci95[1]).toBeCloseTo(0.2775, 4);
  });

  it('has relErr 0 at k = n', () => {
    const e = estimateProportion(10, 10);
    expect(e.p).toBe(1);
    expect(e.stderr).toBe(0);
    expect(e.relErr).toBe(0);
    expect(e.ci95[1]).toBe(1);
  });

  it('is the uninformative [0, 1] with no trials', () => {
    expect(estimateProportion(0, 0)).toEqual({ p: 0, stderr: 0, ci95: [0, 1], relErr: null });
  });

  it('relErr equals sqrt((1 - p) / k) (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1e8 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        ([k, n]) => {
          const e = estimateProportion(k, n);
          expect(e.relErr).not.toBeNull();
          expect(e.relErr ?? NaN).toBeCloseTo(Math.sqrt((1 - k / n) / k), 10);
          expect(e.ci95[0]).toBeGreaterThanOrEqual(0);
          expect(e.ci95[1]).toBeLessThanOrEqual(1);
          expect(e.ci95[0]).toBeLessThanOrEqual(e.p);
          expect(e.ci95[1]).toBeGreaterThanOrEqual(e.p);
        },
      ),
    );
  });

  it('covers the true p about 95% of the time (fixed pseudo-random draws)', () => {
    // Binomial(50, 0.1) drawn with a small LCG so the check is deterministic; Wilson coverage at
    // this (n, p) is close to nominal, so 2000 intervals should cover between 91% and 99%.
    let state = 12345;
    const uniform = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    const n = 50;
    const p = 0.1;
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      let k = 0;
      for (let i = 0; i < n; i++) if (uniform() < p) k++;
      const [lo, hi] = estimateProportion(k, n).ci95;
      if (lo <= p && p <= hi) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.91);
    expect(covered / reps).toBeLessThan(0.99);
  });
});
