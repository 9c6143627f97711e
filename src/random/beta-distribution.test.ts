import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, logGamma } from './beta-distribution.ts';

describe('the beta distribution', () => {
  it('matches closed forms', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Beta(2, 1): F(x) = x^2; Beta(1, 3): F(x) = 1 - (1 - x)^3; Beta(1/2, 1/2): arcsine law.
    for (const x of [0.01, 0.3, 0.5, 0.8, 0.99]) {
      expect(betaCdf(x, 2, 1)).toBeCloseTo(x * x, 12);
      expect(betaCdf(x, 1, 3)).toBeCloseTo(1 - (1 - x) ** 3, 12);
      expect(betaCdf(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
    }
  });

  it('inverts its CDF', () => {
    for (const [a, b] of [
      [2, 5],
      [0.7, 0.9],
      [30, 3],
    ]) {
      for (const u of [0.001, 0.05, 0.5, 0.95, 0.999]) {
        expect(betaCdf(betaQuantile(u, a, b), a, b)).toBeCloseTo(u, 12);
      }
    }
  });
});
