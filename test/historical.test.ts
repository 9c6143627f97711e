/**
 * The historical scenario reproduces the record: at every stage of NORAD's 1977–84 warning chain
 * (routine and possible-threat conferences, threat assessment conferences, alert changes, zero
 * uses) its simulated count per year lies inside the record's exact 95% Poisson interval.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordCheck } from '../src/runner/index.ts';
import { loadObservedFile, loadScenarioFile } from '../src/scenario/index.ts';
import { SOURCED_SCENARIOS, uncommentedNumbers } from './helpers/numeric-comments.ts';

const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const SCENARIO = path('scenarios/us-early-warning-1977-1984.yaml');
const DATA = path('data/us-warning-1977-1984.yaml');

describe('the US early-warning scenario of 1977–84', () => {
  it('reproduces the record at every stage, inside its Poisson intervals', async () => {
    const loaded = loadScenarioFile(SCENARIO);
    const data = loadObservedFile(DATA);
    if (!loaded.ok || !data.ok) throw new Error('scenario or data did not load');
    const rows = await recordCheck(loaded.value, data.value, { trials: 3000, seed: 7 });
    expect(rows.map((r) => r.measure)).toEqual([
      'tracks - hostileLabels',
      'hostileLabels',
      'falseAlarmsReachingDecision',
      'doctrineDefaults',
      'nuclearUse',
    ]);
    for (const r of rows) {
      expect(r.simulated, r.stage).toBeGreaterThanOrEqual(r.observedRate[0]);
      expect(r.simulated, r.stage).toBeLessThanOrEqual(r.observedRate[1]);
      // The simulated rate is known far more precisely than the record's interval is wide.
      expect(4 * r.stderr, r.stage).toBeLessThan(r.observedRate[1] - r.observedRate[0]);
    }
  });

  it('carries a comment on every numeric line of each sourced scenario', () => {
    for (const file of SOURCED_SCENARIOS) {
      expect(uncommentedNumbers(readFileSync(path(file), 'utf8')), file).toEqual([]);
    }
  });

  it('flags a numeric line without a comment (the check can fail)', () => {
    expect(
      uncommentedNumbers('a: 1 # source\nb:\n  c: 0.5\n  d: [1, 2]\nuncertainty:\n  e: 3'),
    ).toEqual(['c: 0.5', 'd: [1, 2]']);
  });
});
