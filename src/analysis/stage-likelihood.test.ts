import { describe, expect, it } from 'vitest';
import { logFactorial } from '../random/index.ts';
import { stageLogLikelihood } from './stage-likelihood.ts';

describe('stageLogLikelihood', () => {
  it('tends to the Poisson likelihood at the simulated rate as simulation grows', () => {
    // 3 observed over 8 trials, simulated rate 0.5 a trial: Poisson(3; 4).
    const poisson = 3 * Math.log(4) - 4 - logFactorial(3);
    expect(stageLogLikelihood(3, 8, 5e6, 1e7)).toBeCloseTo(poisson, 4);
  });

  it('sums to one over the observed count (a proper distribution)', () => {
    let total = 0;
    for (let k = 0; k < 400; k++) total += Math.exp(stageLogLikelihood(k, 8, 12, 100));
    expect(total).toBeCloseTo(1, 10);
  });

  it('keeps zero observed events possible when none was simulated, and more likely than one', () => {
    const zero = stageLogLikelihood(0, 8, 0, 200);
    expect(zero).toBeLessThan(0);
    expect(Math.exp(zero)).toBeCloseTo(Math.pow(200 / 208, 0.5), 12);
    expect(stageLogLikelihood(1, 8, 0, 200)).toBeLessThan(zero);
  });
});
