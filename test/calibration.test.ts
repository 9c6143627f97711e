/**
 * Calibration recovers what generated the data: counts simulated from the analytic scenario at
 * known values (f = 0.05, catch = 0.9) are the observed data; over several repetitions the true
 * values lie inside the 90% posterior intervals in most, and more data narrow the posterior.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../src/analysis/index.ts';
import { calibrate, recordCheck } from '../src/runner/index.ts';
import {
  loadObservedText,
  loadScenarioFile,
  type LoadedScenario,
  type ObservedData,
} from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const UNCERTAIN = [
  `${A}.ai.falsePositive.ballistic=uniform(0.02, 0.08)`,
  `${A}.human.catchProbability=uniform(0.75, 0.98)`,
];
const TRUE = [0.05, 0.9];
const STAGES = [
  { stage: 'hostile labels', measure: 'hostileLabels' },
  { stage: 'overrides', measure: 'humanOverrides' },
  { stage: 'uses', measure: 'nuclearUse' },
];

function scenario(): LoadedScenario {
  const loaded = loadScenarioFile(FILE, [], UNCERTAIN);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

/** The scenario's own counts over `trials` trials of `seed`, as observed data. */
async function syntheticData(trials: number, seed: number): Promise<ObservedData> {
  const template: ObservedData = {
    name: 'synthetic',
    stages: STAGES.map((s) => ({ ...s, observed: 0, exposure: { trials }, source: 'the model' })),
  };
  const rows = await recordCheck(scenario(), template, { trials, seed });
  return {
    ...template,
    stages: template.stages.map((s, i) => ({
      ...s,
      observed: Math.round(rows[i].simulated * trials),
    })),
  };
}

const width = (r: CalibrationResult, i: number) =>
  (r.parameters[i].posterior?.p95 ?? NaN) - (r.parameters[i].posterior?.p05 ?? NaN);

describe('petrov calibrate', () => {
  it('recovers known parameters from data the model generated, and narrows with more data', async () => {
    const covered = [0, 0];
    const narrower = [0, 0];
    const reps = 5;
    for (let rep = 0; rep < reps; rep++) {
      const [few, many] = await Promise.all(
        [10, 100].map(async (trials) =>
          calibrate(scenario(), await syntheticData(trials, 1000 + rep), {
            draws: 128,
            repetitions: 100,
            seed: rep + 1,
          }),
        ),
      );
      many.parameters.forEach((p, i) => {
        const post = p.posterior;
        if (post && post.p05 <= TRUE[i] && TRUE[i] <= post.p95) covered[i]++;
        if (width(many, i) < width(few, i)) narrower[i]++;
      });
      expect(many.effectiveDraws).toBeGreaterThan(5);
    }
    // A 90% interval misses about one time in ten: at least 4 of 5 must cover (19 and 20 of 20
    // covered in a 20-repetition run of this budget; narrower in 20 and 19 of 20).
    for (const c of covered) expect(c).toBeGreaterThanOrEqual(4);
    for (const n of narrower) expect(n).toBeGreaterThanOrEqual(4);
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
