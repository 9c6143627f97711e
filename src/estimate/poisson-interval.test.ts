import { describe, expect, it } from 'vitest';
import { poissonCdf, poissonInterval } from './poisson-interval.ts';

describe('poissonInterval', () => {
  it('has the closed form at zero events', () => {
    const [lo, hi] = poissonInterval(0, 8);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(-Math.log(0.025) / 8, 9);
  });

  it('matches tabulated exact limits (chi-square halves: scipy.stats.chi2.ppf)', () => {
    // chi2.ppf(0.025, 12) / 2 = 2.2018, chi2.ppf(0.975, 14) / 2 = 13.0594
    const [lo6, hi6] = poissonInterval(6, 1);
    expect(lo6).toBeCloseTo(2.2018, 3);
    expect(hi6).toBeCloseTo(13.0594, 3);
    // chi2.ppf(0.025, 6) / 2 = 0.6187, chi2.ppf(0.975, 8) / 2 = 8.7673
    const [lo3, hi3] = poissonInterval(3, 1);
    expect(lo3).toBeCloseTo(0.6187, 3);
    expect(hi3).toBeCloseTo(8.7673, 3);
  });

  it('is close to the normal interval for large counts', () => {
    const [lo, hi] = poissonInterval(20_000, 8);
    const half = (1.96 * Math.sqrt(20_000)) / 8;
    expect(lo).toBeCloseTo(2500 - half, 0);
    expect(hi).toBeCloseTo(2500 + half, 0);
  });

  it('gives a distribution function that sums to one', () => {
    expect(poissonCdf(1000, 3)).toBeCloseTo(1, 14);
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(poissonCdf(2, 2)).toBeCloseTo(5 * Math.exp(-2), 14);
  });

  it('rejects a bad count or exposure', () => {
    expect(() => poissonInterval(-1, 1)).toThrow(/invalid count/);
    expect(() => poissonInterval(1, 0)).toThrow(/invalid exposure/);
  });
});
