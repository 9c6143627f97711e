import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperTail } from './normal-distribution.ts';

// Reference values: Q(x) = erfc(x / √2) / 2, from Python's math.erfc (correctly rounded libm).
const TAILS: [number, number][] = [
  [0, 0.5],
  [1, 0.15865525393145707],
  [1.959963984540054, 0.02500000000000002],
  [2, 0.02275013194817922],
  [3, 0.0013498980316300957],
  [5, 2.866515718791946e-7],
  [8, 6.220960574271819e-16],
  [12, 1.776482112077702e-33],
  [20, 2.7536241186063314e-89],
];

describe('standard normal distribution', () => {
  it('matches erfc in both tails to 1e-13 relative', () => {
    for (const [x, q] of TAILS) {
      expect(Math.abs(normalUpperTail(x) / q - 1), `Q(${x})`).toBeLessThan(1e-13);
      expect(Math.abs(normalCdf(-x) / q - 1), `Φ(${-x})`).toBeLessThan(1e-13);
    }
  });

  it('inverts Φ to full precision, deep into both tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        const p = normalCdf(x);
        if (p <= 0 || p >= 1) return;
        // Round trip through whichever tail is small, so precision is relative, not absolute.
        const back = x < 0 ? normalQuantile(p) : -normalQuantile(normalUpperTail(x));
        expect(Math.abs(back - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it('is monotone across the switch points of its approximations', () => {
    for (const x of [2, 38]) {
      expect(normalUpperTail(x - 1e-9)).toBeGreaterThan(normalUpperTail(x + 1e-9));
    }
    for (const p of [0.02425, 0.5])
      expect(normalQuantile(p - 1e-12)).toBeLessThan(normalQuantile(p + 1e-12));
  });
});
