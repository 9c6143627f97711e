import { describe, expect, it } from 'vitest';
import { jointCounts, ratioContrast, ratioDifference } from './ratio-contrast.ts';

describe('the delta-method variance of risk ratios on common random numbers', () => {
  it('is r(1 − r) / (n p0) when the variant’s uses are a subset of the baseline’s', () => {
    // 1,000 trials: 100 uses at baseline, 30 of them also with the safeguard, none new.
    const counts = jointCounts(1000, [100, 30], [[0, 1]], [[30, 70, 0]]);
    const c = ratioContrast(counts, [{ arms: { baseline: 0, variant: 1 }, weight: 1 }]);
    expect(c?.estimate).toBe(0.3);
    // Binomial(c0, r) given c0: r(1 − r)/c0, with the sample variance's n/(n − 1).
    expect(c?.variance).toBeCloseTo(((0.3 * 0.7) / 100) * (1000 / 999), 12);
  });

  it('gives a difference of two identical sets exactly zero with no variance', () => {
    // Arms 2 and 3 repeat arms 0 and 1 trial for trial.
    const pairs: [number, number][] = [
      [0, 1],
      [2, 3],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
    ];
    const both: [number, number, number][] = [
      [30, 70, 0],
      [30, 70, 0],
      [100, 0, 0],
      [30, 70, 0],
      [30, 0, 70],
      [30, 0, 0],
    ];
    const counts = jointCounts(1000, [100, 30, 100, 30], pairs, both);
    const d = ratioDifference(counts, { baseline: 0, variant: 1 }, { baseline: 2, variant: 3 });
    expect(d?.estimate).toBe(0);
    expect(d?.stderr).toBeCloseTo(0, 12);
  });

  it('is undefined, never a number, when a baseline saw no use', () => {
    const counts = jointCounts(50, [0, 0], [[0, 1]], [[0, 0, 0]]);
    expect(ratioContrast(counts, [{ arms: { baseline: 0, variant: 1 }, weight: 1 }])).toBeNull();
    expect(() => counts.both(0, 2)).toThrow(/not paired/);
  });
});
