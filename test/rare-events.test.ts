/**
 * Importance sampling (docs/rare-events.md) against closed forms at probabilities plain Monte
 * Carlo cannot reach in a test, and against plain sampling where both can run.
 *
 * Every check asks whether an interval of the run contains the exact value. The runner's own
 * interval is the normal 95% one, p ± 1.96 s.e.; the assertion widens it to a family-wise 95%
 * level over the CHECKS interval checks of this file (Bonferroni), so a correct estimator passes
 * whatever the seed but for a 5% chance per file, never by a chosen epsilon. Seeds are fixed.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileModel, neutralTilt } from '../src/engine/index.ts';
import { doctrineSimulator } from './helpers/scenario.ts';
import { Z95 } from '../src/estimate/index.ts';
import { compare, simulate, tiltFromSpec, type RunResult } from '../src/runner/index.ts';
import { applySafeguards, loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const ANALYTIC = fileURLToPath(
  new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url),
);
const KOREAN = fileURLToPath(new URL('../scenarios/korean-peninsula-2026.yaml', import.meta.url));
const A = 'actors.solo';
const CHECKS = 7;
/** Φ⁻¹(1 − 0.05 / (2 × CHECKS)). */
const Z_FILE = 2.690109527158866;
/** Q(5) = 1 − Φ(5): a standard normal above 5. */
const Q5 = 2.866515718791946e-7;

function load(file: string, sets: readonly string[] = []): LoadedScenario {
  const loaded = loadScenarioFile(file, sets);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

let checks = 0;
afterAll(() => expect(checks).toBeLessThanOrEqual(CHECKS));

/** The run's interval at the file's level contains `exact`; its own 95% interval is p ± 1.96 s.e. */
function expectCovers(result: RunResult, exact: number): void {
  checks++;
  const use = result.outcomes.nuclearUse;
  expect(result.method).toBe('importance');
  expect(use.ci95[0]).toBeCloseTo(Math.max(0, use.p - Z95 * use.stderr), 15);
  const [lo, hi] = [use.p - Z_FILE * use.stderr, use.p + Z_FILE * use.stderr];
  expect(lo <= exact && exact <= hi, `${use.p} ± ${Z_FILE * use.stderr} vs exact ${exact}`).toBe(
    true,
  );
  expect(result.importance?.diagnostics.warnings).toEqual([]);
}

const closedForm = (rate: number) => -Math.expm1(-rate);

describe('importance sampling against closed forms (analytic single sensor, l f m T)', () => {
  // l = 2/day, f = 0.05, T = 30 days: l f T = 3, so a miss probability m gives p = 1 − e^(−3m).
  for (const p of [1e-3, 1e-5, 1e-7]) {
    const m = -Math.log1p(-p) / 3;
    it(`p = ${p}: the interval contains 1 − exp(−l f m T)`, async () => {
      const loaded = load(ANALYTIC, [`${A}.human.catchProbability=${1 - m}`]);
      const result = await simulate(loaded, { runs: 4000, method: 'is', seed: 3 });
      expectCovers(result, closedForm(3 * m));
      expect(result.outcomes.nuclearUse.relErr).toBeLessThan(0.1);
    });
  }

  it('p ≈ 1e-7 through a rare confidence: P(logit-normal confidence ≥ threshold) = Q(5)', async () => {
    // Wrong labels centre on confidence 0.5 (logit 0) with spread 1; the threshold sits at logit 5.
    const threshold = 1 / (1 + Math.exp(-5));
    const loaded = load(ANALYTIC, [
      `${A}.ai.confidence.wrong=0.5`,
      `${A}.ai.confidence.spread=1`,
      `${A}.authority.confidenceThreshold=${threshold}`,
    ]);
    const result = await simulate(loaded, { runs: 4000, method: 'auto', seed: 5 });
    expectCovers(result, closedForm(2 * 0.05 * 0.1 * 30 * Q5));
    expect(result.methodReason).toMatch(/fewer than 100/);
    // The search made the confidence reach the threshold far more often than Q(5).
    const reach = result.importance?.tilt.probabilities['solo.ballistic.confidence'] ?? 0;
    expect(reach).toBeGreaterThan(1e3 * Q5);
  });
});

describe('importance sampling against plain sampling on the Korean baseline (p ≈ 1e-2)', () => {
  it('the baseline and a safeguard variant: plain and importance-sampled intervals overlap', async () => {
    const baseline = load(KOREAN);
    const variants = ['human-in-the-loop'].map((name) => {
      const loaded = applySafeguards(baseline, [name]);
      if (!loaded.ok) throw new Error(name);
      return { name, safeguards: [name], loaded: loaded.value };
    });
    // Korean trials are long (about a thousand events each): this is the slowest test here.
    const plain = await compare(baseline, variants, { runs: 10_000, seed: 11, workers: 2 });
    const weighted = await compare(baseline, variants, {
      runs: 6000,
      seed: 11,
      method: 'is',
      workers: 2,
    });
    expect(plain.method).toBe('plain');
    expect(weighted.method).toBe('importance');
    const arms = (r: typeof plain) => [r.baseline.nuclearUse, r.variants[0].nuclearUse];
    arms(plain).forEach((e, i) => {
      checks++;
      const w = arms(weighted)[i];
      const gap = Math.abs(e.p - w.p);
      const joint = Z_FILE * Math.hypot(e.stderr, w.stderr);
      expect(gap, `plain ${e.p} ± ${e.stderr}, weighted ${w.p} ± ${w.stderr}`).toBeLessThanOrEqual(
        joint,
      );
    });
    // Common random numbers survive the tilt: the paired error is far below the independent one.
    const v = weighted.variants[0];
    expect(v.absoluteRiskReduction.stderr).toBeLessThan(v.independentStderr / 2);
    expect(v.riskRatio).not.toBeNull();
  }, 300_000);
});

describe('importance sampling mechanics', () => {
  it('a neutral tilt weighs every trial 1 and changes no outcome up to the first use', () => {
    // A tilted trial ends at its first use; a plain one plays on, so only trials without use
    // can be compared count for count.
    const model = compileModel(load(KOREAN).scenario);
    const plain = doctrineSimulator(model);
    const tilted = doctrineSimulator(model, neutralTilt(model.actorCount));
    let uses = 0;
    for (let trial = 0; trial < 400; trial++) {
      const a = plain.run(1, trial);
      const [use, time, origin, events] = [a.nuclearUse, a.time, a.origin, a.counts[0]];
      const b = tilted.run(1, trial);
      expect([b.nuclearUse, b.time, b.origin, b.logWeight]).toEqual([use, time, origin, 0]);
      if (use === 0) expect(b.counts[0]).toBe(events);
      uses += use;
    }
    expect(uses).toBeGreaterThan(0);
  });

  it('gives identical results for any number of workers and any chunking', async () => {
    const loaded = load(ANALYTIC, [`${A}.human.catchProbability=0.99999`]);
    const tilt = tiltFromSpec(compileModel(loaded.scenario), {
      rates: { 'solo.ballistic.falseAlarm': 1.2 },
      probabilities: { 'solo.ballistic.label': 0.1, 'solo.ballistic.miss': 0.4 },
    });
    if (!tilt.ok) throw new Error(JSON.stringify(tilt.issues));
    const strip = (r: RunResult) => JSON.stringify({ ...r, timing: null });
    const runs = [
      { workers: 1, chunkSize: 1000 },
      { workers: 2, chunkSize: 1000 },
      { workers: 1, chunkSize: 700 },
    ].map((o) => simulate(loaded, { ...o, runs: 3000, method: 'is', tilt: tilt.value }));
    const [a, b, c] = (await Promise.all(runs)).map(strip);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('finds the same tilt, and the same estimate, with its pilot on 1 or 2 workers', async () => {
    const loaded = load(ANALYTIC, [`${A}.human.catchProbability=0.99999`]);
    const strip = (r: RunResult) => JSON.stringify({ ...r, timing: null });
    const [one, two] = await Promise.all(
      [1, 2].map((workers) => simulate(loaded, { runs: 2000, method: 'is', workers })),
    );
    expect(one.importance?.rounds.length).toBeGreaterThan(1);
    expect(strip(two)).toBe(strip(one));
  });

  it('names every unknown or out-of-range tilt entry', () => {
    const model = compileModel(load(ANALYTIC).scenario);
    const built = tiltFromSpec(model, {
      rates: { 'solo.ballistic.falseAlarm': -1, 'solo.space.benign': 2 },
      probabilities: { 'solo.ballistic.label': 1.5, 'solo.ballistic.confidence': 0 },
    });
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.issues.map((i) => i.path)).toEqual([
        'tilt.rates.solo.ballistic.falseAlarm',
        'tilt.rates.solo.space.benign',
        'tilt.probabilities.solo.ballistic.label',
        'tilt.probabilities.solo.ballistic.confidence',
      ]);
    }
  });

  it('auto keeps plain sampling when the pilot sees enough use', async () => {
    const result = await simulate(load(ANALYTIC), { runs: 2000, method: 'auto' });
    expect(result.method).toBe('plain');
    expect(result.importance).toBeNull();
    expect(result.methodReason).toMatch(/at least 100/);
  });
});

describe('petrov run --method', () => {
  it('prints the sampling method, the tilt search and the weight diagnostics', async () => {
    const { code, out, err } = await cli(
      'run',
      ANALYTIC,
      '--set',
      `${A}.human.catchProbability=0.999999`,
      '--method',
      'is',
      '--runs',
      '2000',
      '--no-store',
    );
    expect(code).toBe(0);
    expect(err).toMatch(/tilt search, round 1: 0 of 10,000 pilot trials with use → boost/);
    expect(out).toMatch(/Sampling: importance sampling/);
    expect(out).toMatch(/effective trials \d+/);
    expect(out).toMatch(/95% interval \(normal\)/);
  });

  it('refuses a bad --method, a tilt with plain sampling and a tilt naming nothing', async () => {
    const bad = await cli('run', ANALYTIC, '--method', 'fast', '--no-store');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--method/);
    const plain = await cli('run', ANALYTIC, '--tilt', 'x.json', '--no-store');
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/--tilt: only applies with --method is or auto/);
    const missing = await cli(
      'run',
      ANALYTIC,
      '--method',
      'is',
      '--tilt',
      '/no/such.json',
      '--no-store',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^\/no\/such.json: cannot read tilt: no such file$/m);
  });
});
