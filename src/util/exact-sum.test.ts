import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from './exact-sum.ts';

const sumOf = (xs: readonly number[]) => {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s;
};

describe('ExactSum', () => {
  it('is exact where naive summation loses everything', () => {
    expect(sumOf([1e100, 1, -1e100]).value).toBe(1);
    expect(sumOf([2 ** 53, 1, 1]).value).toBe(2 ** 53 + 2);
    expect(sumOf(Array.from({ length: 10 }, () => 0.1)).value).toBe(1);
  });

  it('gives the same bits for any order and any split into merged parts', () => {
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 60 }), fc.nat(), (xs, cut) => {
        const whole = sumOf(xs).value;
        const reversed = sumOf([...xs].reverse()).value;
        const k = xs.length === 0 ? 0 : cut % xs.length;
        const left = sumOf(xs.slice(0, k));
        left.merge(sumOf(xs.slice(k)));
        const viaJson = ExactSum.fromJSON(sumOf(xs).toJSON()).value;
        expect(reversed).toBe(whole);
        expect(left.value).toBe(whole);
        expect(viaJson).toBe(whole);
      }),
    );
  });

  it('matches exact rational arithmetic on integers scaled by powers of two', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 40 }), (ints) => {
        const xs = ints.map((k, i) => k * 2 ** (i % 7));
        const exact = xs.reduce((a, b) => a + BigInt(b), 0n);
        expect(sumOf(xs).value).toBe(Number(exact));
      }),
    );
  });
});
