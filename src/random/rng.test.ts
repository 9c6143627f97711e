import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';

const TWO_32 = 4294967296;

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

/** Pearson chi-square statistic of `n` draws of `sample()` over `bins` equal bins of [0, 1). */
function chiSquare(sample: () => number, n: number, bins: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) counts[Math.floor(sample() * bins)]++;
  const expected = n / bins;
  let chi2 = 0;
  for (const c of counts) chi2 += ((c - expected) * (c - expected)) / expected;
  return chi2;
}

describe('Rng determinism', () => {
  it('gives the same sequence for the same (seed, trial, stream)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 40 }),
        fc.nat({ max: 2 ** 40 }),
        fc.nat({ max: 16 }),
        (seed, trial, stream) => {
          expect(draws(new Rng(seed, trial, stream), 16)).toEqual(
            draws(new Rng(seed, trial, stream), 16),
          );
        },
      ),
    );
  });

  it('reseed() is the same as constructing afresh, whatever was drawn before', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 32 }),
        fc.nat({ max: 1e7 }),
        fc.nat({ max: 8 }),
        fc.nat({ max: 50 }),
        (seed, trial, stream, burn) => {
          const reused = new Rng(99, 98, 7);
          draws(reused, burn);
          reused.reseed(seed, trial, stream);
          expect(draws(reused, 8)).toEqual(draws(new Rng(seed, trial, stream), 8));
        },
      ),
    );
  });

  it('the default constructor is key (0, 0, 0)', () => {
    expect(draws(new Rng(), 8)).toEqual(draws(new Rng(0, 0, 0), 8));
  });

  it('gives different sequences for a different trial, stream or seed', () => {
    const key = (seed: number, trial: number, stream: number) =>
      draws(new Rng(seed, trial, stream), 4).join(',');
    const seen = new Map<string, string>();
    // Every (seed, trial, stream) in a small grid, including seeds and trials above 2^32 whose
    // high word must matter.
    const seeds = [0, 1, 2, 42, 2 ** 32, 2 ** 32 + 1, 2 ** 40];
    const trials = [0, 1, 2, 3, 1000, 2 ** 31, 2 ** 32, 2 ** 32 + 1];
    for (const seed of seeds)
      for (const trial of trials)
        for (let stream = 0; stream < 5; stream++) {
          const k = key(seed, trial, stream);
          expect(seen.get(k), `(${seed}, ${trial}, ${stream})`).toBeUndefined();
          seen.set(k, `(${seed}, ${trial}, ${stream})`);
        }
    expect(seen.size).toBe(seeds.length * trials.length * 5);
  });

  it('gives different sequences to neighbouring trials and streams (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 32 }),
        fc.nat({ max: 1e7 }),
        fc.nat({ max: 8 }),
        (seed, trial, stream) => {
          const base = draws(new Rng(seed, trial, stream), 4);
          expect(draws(new Rng(seed, trial + 1, stream), 4)).not.toEqual(base);
          expect(draws(new Rng(seed, trial, stream + 1), 4)).not.toEqual(base);
          expect(draws(new Rng(seed + 1, trial, stream), 4)).not.toEqual(base);
        },
      ),
    );
  });

  // Each state word is an independent hash of the whole key: no two keys share a sequence.
  it('never gives two (trial, stream) keys of one seed the same sequence', () => {
    const seen = new Set<number>();
    const rng = new Rng();
    for (let stream = 0; stream < 5; stream++)
      for (let trial = 0; trial < 50_000; trial++) {
        rng.reseed(1, trial, stream);
        // 53 bits of the first two outputs: independent keys collide with probability ~4e-6.
        seen.add(rng.nextUint32() * 2 ** 21 + (rng.nextUint32() >>> 11));
      }
    expect(seen.size).toBe(5 * 50_000);
  });
});

describe('Rng ranges', () => {
  it('nextUint32() is an unsigned 32-bit integer', () => {
    const rng = new Rng(5, 6, 7);
    let bad = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = rng.nextUint32();
      if (!(Number.isInteger(u) && u >= 0 && u < TWO_32)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('next() is in [0, 1) and nextOpen() in (0, 1]', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 }), fc.nat({ max: 1e7 }), (seed, trial) => {
        const a = new Rng(seed, trial, 0);
        const b = new Rng(seed, trial, 1);
        for (let i = 0; i < 200; i++) {
          const x = a.next();
          const y = b.nextOpen();
          if (!(x >= 0 && x < 1)) return false;
          if (!(y > 0 && y <= 1 && Number.isFinite(Math.log(y)))) return false;
        }
        return true;
      }),
    );
  });

  it('next() and nextOpen() are the same draw shifted by 2^-32 (so the bounds are exact)', () => {
    const a = new Rng(3, 4, 5);
    const b = new Rng(3, 4, 5);
    const gaps = new Set<number>();
    for (let i = 0; i < 1000; i++) gaps.add(b.nextOpen() - a.next());
    expect([...gaps]).toEqual([1 / TWO_32]);
  });
});

describe('Rng uniformity (fixed seeds, tolerances from the standard error)', () => {
  const n = 1_000_000;

  it('next() has mean 1/2 and variance 1/12 over 1e6 draws', () => {
    const rng = new Rng(20260101, 0, 0);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // sd of the mean of U(0,1) is sqrt(1/12/n); of the sample variance sqrt(1/180/n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it('next() passes a chi-square test on 100 bins over 1e6 draws', () => {
    const rng = new Rng(7, 11, 3);
    const bins = 100;
    const chi2 = chiSquare(() => rng.next(), n, bins);
    // chi-square with 99 degrees of freedom: mean 99, sd sqrt(198) ~ 14; allow 5 sd either way.
    const df = bins - 1;
    expect(Math.abs(chi2 - df)).toBeLessThan(5 * Math.sqrt(2 * df));
  });

  it('consecutive draws are uncorrelated (lag-1 correlation within 5 standard errors)', () => {
    const rng = new Rng(123, 456, 2);
    let prev = rng.next();
    let sumProd = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sumProd += (prev - 0.5) * (x - 0.5);
      prev = x;
    }
    // Correlation estimate = mean product / (1/12); its sd is about 1/sqrt(n).
    const correlation = sumProd / n / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('every bit of nextUint32() is set half the time', () => {
    const rng = new Rng(99, 1, 4);
    const m = 200_000;
    const ones = new Float64Array(32);
    for (let i = 0; i < m; i++) {
      const u = rng.nextUint32();
      for (let b = 0; b < 32; b++) ones[b] += (u >>> b) & 1;
    }
    for (let b = 0; b < 32; b++)
      expect(Math.abs(ones[b] / m - 0.5), `bit ${b}`).toBeLessThan(5 * Math.sqrt(0.25 / m));
  });

  it('the first draw of consecutive trials is uniform (each trial is seeded independently)', () => {
    // Trials are reseeded from their index, so uniformity across trials is what the Monte Carlo
    // estimate actually relies on.
    const trials = 200_000;
    const rng = new Rng();
    let trial = 0;
    const chi2 = chiSquare(
      () => {
        rng.reseed(1, trial++, 0);
        return rng.next();
      },
      trials,
      50,
    );
    const df = 49;
    expect(Math.abs(chi2 - df)).toBeLessThan(5 * Math.sqrt(2 * df));
  });

  it('the first draws of different streams of one trial are uncorrelated across trials', () => {
    const trials = 200_000;
    const a = new Rng();
    const b = new Rng();
    let sumProd = 0;
    for (let t = 0; t < trials; t++) {
      a.reseed(3, t, 0);
      b.reseed(3, t, 1);
      sumProd += (a.next() - 0.5) * (b.next() - 0.5);
    }
    const correlation = sumProd / trials / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(trials));
  });
});
