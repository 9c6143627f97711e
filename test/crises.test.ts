/**
 * The three crises beside the Korean one (US–Soviet 1983, South Asia, Taiwan Strait) validate,
 * run, and declare how often they arise; test/historical.test.ts checks their comments.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const CRISES = [
  'scenarios/us-soviet-1983.yaml',
  'scenarios/south-asia-india-pakistan.yaml',
  'scenarios/taiwan-strait.yaml',
];

describe('the crisis scenarios', () => {
  it('validate without warnings', async () => {
    const result = await cli('validate', ...CRISES);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });

  it.each(CRISES)('%s runs, and its uncertainty includes the crisis frequency', async (file) => {
    const run = await cli('run', file, '--runs', '400', '--json', '--no-store');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as { runs: number }).runs).toBe(400);
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.value.scenario.crisesPerYear).toBeGreaterThan(0);
    expect(Object.keys(loaded.value.scenario.uncertainty)).toContain('crisesPerYear');
  });

  it('reports P(use) per year beside the per-crisis figure: 1 − exp(−f p), interval carried through', async () => {
    const file = 'scenarios/taiwan-strait.yaml';
    const run = await cli('run', file, '--runs', '2000', '--seed', '3', '--json', '--no-store');
    const result = JSON.parse(run.out) as {
      scenario: { crisesPerYear: number };
      outcomes: { nuclearUse: { p: number } };
    };
    expect(result.scenario.crisesPerYear).toBe(0.06);
    const text = await cli('run', file, '--runs', '2000', '--seed', '3', '--no-store');
    const perYear = -Math.expm1(-0.06 * result.outcomes.nuclearUse.p);
    expect(text.out).toContain('per year at 0.06 crises a year');
    expect(perYear).toBeGreaterThan(0);
    const shown = /per year at 0\.06 crises a year, [^:]*: ([\d.]+)%/.exec(text.out)?.[1];
    expect(Number(shown) / 100).toBeCloseTo(perYear, 5);
  });
});
