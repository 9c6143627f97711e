import { describe, expect, it } from 'vitest';
import { nashEquilibria, pureEquilibria } from './nash-equilibria.ts';

describe('Nash equilibria by support enumeration', () => {
  it("prisoner's dilemma: one pure equilibrium, mutual defection", () => {
    const a = [
      [-1, -3],
      [0, -2],
    ];
    const b = [
      [-1, 0],
      [-3, -2],
    ];
    expect(pureEquilibria(a, b)).toEqual([[1, 1]]);
    const all = nashEquilibria(a, b);
    expect(all.map((e) => e.support)).toEqual([[[1], [1]]]);
  });

  it('matching pennies: only the mixed equilibrium (1/2, 1/2)', () => {
    const a = [
      [1, -1],
      [-1, 1],
    ];
    const b = a.map((row) => row.map((x) => -x));
    expect(pureEquilibria(a, b)).toEqual([]);
    const [e, ...rest] = nashEquilibria(a, b);
    expect(rest).toEqual([]);
    expect(e.p[0]).toBeCloseTo(0.5, 12);
    expect(e.q[0]).toBeCloseTo(0.5, 12);
    expect(e.payoffs[0]).toBeCloseTo(0, 12);
  });

  it('battle of the sexes: two pure and one mixed, p = 2/3, q = 1/3', () => {
    const a = [
      [2, 0],
      [0, 1],
    ];
    const b = [
      [1, 0],
      [0, 2],
    ];
    const all = nashEquilibria(a, b);
    expect(all).toHaveLength(3);
    const mixed = all.find((e) => e.support[0].length === 2);
    expect(mixed?.p[0]).toBeCloseTo(2 / 3, 12);
    expect(mixed?.q[0]).toBeCloseTo(1 / 3, 12);
    expect(mixed?.payoffs[0]).toBeCloseTo(2 / 3, 12);
  });

  it('rock-paper-scissors: the uniform 3 × 3 mix', () => {
    const a = [
      [0, -1, 1],
      [1, 0, -1],
      [-1, 1, 0],
    ];
    const b = a.map((row) => row.map((x) => -x));
    const all = nashEquilibria(a, b);
    expect(all).toHaveLength(1);
    for (const x of [...all[0].p, ...all[0].q]) expect(x).toBeCloseTo(1 / 3, 12);
  });

  it('a dominated strategy is never played', () => {
    const a = [
      [3, 0],
      [5, 1],
      [0, 0],
    ];
    const b = [
      [3, 5],
      [0, 1],
      [9, 9],
    ];
    expect(pureEquilibria(a, b)).toEqual([[1, 1]]);
  });
});
