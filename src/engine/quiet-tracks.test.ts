import { describe, expect, it } from 'vitest';
import { RatePath } from './quiet-tracks.ts';

describe('RatePath', () => {
  // Process 0 at rate 1 on [0, 10), 3 on [10, 20), 0 on [20, 30); process 1 never runs.
  const path = new RatePath();
  path.add(0, Float64Array.of(1, 0));
  path.add(10, Float64Array.of(3, 0));
  path.add(20, Float64Array.of(0, 0));

  it('integrates piecewise-constant rates up to the end', () => {
    expect(path.integral(0, 30)).toBe(40);
    expect(path.integral(0, 15)).toBe(25);
    expect(path.integral(1, 30)).toBe(0);
  });

  it('inverts the integral inside each piece', () => {
    expect(path.timeAt(0, 5, 30)).toBe(5);
    expect(path.timeAt(0, 10, 30)).toBe(10);
    expect(path.timeAt(0, 13, 30)).toBe(11);
    expect(path.timeAt(0, 40, 30)).toBe(20);
  });

  it('falls back to the end when rounding leaves the target just out of reach', () => {
    expect(path.timeAt(0, 40.000001, 30)).toBe(30);
  });

  it('copies the rates it is given', () => {
    const rates = Float64Array.of(2);
    const p = new RatePath();
    p.add(0, rates);
    rates[0] = 100;
    expect(p.integral(0, 1)).toBe(2);
  });
});
