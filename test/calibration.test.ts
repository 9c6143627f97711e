/**
 * Calibration recovers what generated the data: counts simulated from the analytic scenario at
 * known values (f = 0.05, catch = 0.9) are the observed data; over several repetitions the true
 * values lie inside the 90% posterior intervals in most, and more data narrow the posterior.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../src/analysis/index.ts';
import { calibrate } from '../src/runner/index.ts';
import { loadObservedText } from '../src/scenario/index.ts';
import {
  ANALYTIC,
  analyticScenario,
  coverageStudy,
  syntheticData,
  UNCERTAIN,
} from '../scripts/calibration-coverage.ts';
import { cli } from './helpers/cli.ts';

const FILE = ANALYTIC;
const scenario = analyticScenario;

describe('petrov calibrate', () => {
  it('recovers known parameters from data the model generated, and narrows with more data', async () => {
    const study = await coverageStudy({
      reps: 5,
      draws: 128,
      repetitions: 100,
      few: 10,
      many: 100,
    });
    // A 90% interval misses about one time in ten: at least 4 of 5 must cover (docs/calibration.md
    // reports the same check over 20 repetitions).
    for (const c of study.covered) expect(c).toBeGreaterThanOrEqual(4);
    for (const n of study.narrower) expect(n).toBeGreaterThanOrEqual(4);
    expect(study.minEffectiveDraws).toBeGreaterThan(5);
  });

  it('is deterministic for a seed, and the same on two workers', async () => {
    const data = await syntheticData(20, 3);
    const options = { draws: 16, repetitions: 100, seed: 9, clock: () => 0 };
    const one = await calibrate(scenario(), data, options);
    const again = await calibrate(scenario(), data, options);
    const two = await calibrate(scenario(), data, { ...options, workers: 2, offThread: true });
    expect(again).toEqual(one);
    expect(two).toEqual(one);
  });

  it('rejects bad data naming the field, from the command line', async () => {
    const dir = tmpdir();
    const bad = join(dir, `petrov-bad-data-${process.pid}.yaml`);
    writeFileSync(
      bad,
      'name: x\nstages:\n  - stage: a\n    measure: hostileLabels\n    observed: -1\n    exposure: { years: 8 }\n    source: s\n',
    );
    const args = [
      'calibrate',
      FILE,
      '--uncertain',
      UNCERTAIN[0],
      '--draws',
      '4',
      '--repetitions',
      '10',
    ];
    const negative = await cli(...args, '--data', bad);
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('stages.0.observed');
    expect(negative.err).toContain(':5:');
    writeFileSync(
      bad,
      'name: x\nstages:\n  - stage: a\n    measure: tracks - hostilLabels\n    observed: 3\n    exposure: { trials: 8 }\n    source: s\n',
    );
    const unknown = await cli(...args, '--data', bad);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/stages\.0\.measure: unknown count "hostilLabels"/);
    const ok = await cli(...args, '--data', bad.replace(/bad-data/, 'none'));
    expect(ok.code).toBe(2);
    expect(ok.err).toMatch(/cannot read observed data: no such file/);
  });

  it('rejects an exposure that is neither years nor trials', () => {
    const text =
      'name: x\nstages:\n  - stage: a\n    measure: nuclearUse\n    observed: 0\n    exposure: { weeks: 8 }\n    source: s\n';
    const result = loadObservedText(text, 'data.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].path).toBe('stages.0.exposure');
  });

  it('runs from the command line with --json', async () => {
    const data = join(tmpdir(), `petrov-data-${process.pid}.yaml`);
    writeFileSync(
      data,
      'name: x\nstages:\n  - stage: uses\n    measure: nuclearUse\n    observed: 2\n    exposure: { trials: 8 }\n    source: s\n',
    );
    const out = await cli(
      'calibrate',
      FILE,
      '--data',
      data,
      '--uncertain',
      UNCERTAIN[1],
      '--draws',
      '8',
      '--repetitions',
      '20',
      '--check',
      '50',
      '--json',
    );
    expect(out.code).toBe(0);
    const result = JSON.parse(out.out) as CalibrationResult & { recordCheck: unknown[] };
    expect(result.runs).toBe(160);
    expect(result.recordCheck).toHaveLength(1);
    expect(result.stages[0].observed).toBe(2);
  });
});
