/**
 * The engine against the one scenario with an exact answer (scenarios/analytic-single-sensor.yaml):
 * false alarms arrive as a Poisson process of rate l per day, the AI labels each hostile with
 * probability f, the human misses a wrong label with probability m, and a missed false alarm is
 * nuclear use. Thinning a Poisson process gives P(use within T days) = 1 - exp(-l f m T).
 *
 * Every check asks whether a Wilson interval of the run contains the closed form, so the tolerance
 * is the sampling uncertainty of the run itself, never a chosen epsilon. The runner's own 95%
 * interval is checked to be exactly the Wilson interval of its counts. The assertion itself uses
 * the Wilson interval at a 95% level for the whole file (Bonferroni over its CHECKS checks,
 * z = 2.865): at 95% per check, a dozen checks would fail one about half the time with a correct
 * engine, so every change of RNG or seed would break the file by chance. All checks use the
 * runner's default seed, 1.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { wilson, Z95 } from '../src/estimate/index.ts';
import { covers, describeCheck } from './helpers/scenario.ts';
import { main } from '../src/cli/main.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const SEED = 1;
/** Interval checks in this file; afterAll holds the count to it, so the level stays honest. */
const CHECKS = 13;
/** Φ⁻¹(1 − 0.05 / (2 × CHECKS)): a family-wise 95% level over the file. */
const Z_FILE = 2.8652602385321333;

interface Setting {
  /** False alarms per day. */
  readonly l: number;
  /** P(AI labels a false alarm hostile). */
  readonly f: number;
  /** P(the human misses a wrong label), before automation bias and time pressure. */
  readonly m: number;
  /** Horizon, days. */
  readonly T: number;
}

function setsFor({ l, f, m, T }: Setting): string[] {
  return [
    `horizonDays=${T}`,
    `${A}.tracks.ballistic.falseAlarm=${l}`,
    `${A}.ai.falsePositive.ballistic=${f}`,
    `${A}.human.catchProbability=${1 - m}`,
  ];
}

async function run(sets: readonly string[], runs: number): Promise<RunResult> {
  const loaded = loadScenarioFile(FILE, sets);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return simulate(loaded.value, { runs, seed: SEED });
}

/** A Wilson interval of the run's P(nuclear use) must contain `exact`; every use is a false alarm. */
let checks = 0;
function expectMatches(result: RunResult, exact: number): void {
  checks++;
  const use = result.outcomes.nuclearUse;
  const n = result.runs;
  const k = Math.round(use.p * n);
  expect(k / n).toBe(use.p);
  // The runner reports the Wilson 95% interval of its counts.
  expect(use.ci95).toEqual(wilson(k, n, Z95));
  const ci = wilson(k, n, Z_FILE);
  expect(covers(ci, exact), describeCheck(k, n, ci, exact)).toBe(true);
  expect(result.outcomes.byCause.false_alarm.p).toBe(use.p);
  // One origin (the sensor false alarm) accounts for every use.
  const origins = Object.values(result.outcomes.byOrigin).filter((e) => e.p > 0);
  expect(origins.map((e) => e.p)).toEqual([use.p]);
}

afterAll(() => expect(checks).toBeLessThanOrEqual(CHECKS));

const closedForm = (rate: number, days: number) => 1 - Math.exp(-rate * days);

describe('analytic single sensor: P(use) = 1 - exp(-l f m T)', () => {
  const cases: { setting: Setting; runs: number }[] = [
    { setting: { l: 2, f: 0.05, m: 0.1, T: 30 }, runs: 30_000 },
    { setting: { l: 0.5, f: 0.2, m: 0.3, T: 10 }, runs: 100_000 },
    // Many events per trial (about 400), so fewer trials; the interval widens to match.
    { setting: { l: 5, f: 0.01, m: 0.05, T: 90 }, runs: 15_000 },
    // Small p, about 1e-2: 200k trials give about 2,000 uses.
    { setting: { l: 1, f: 0.05, m: 0.1, T: 2 }, runs: 200_000 },
  ];
  for (const { setting, runs } of cases) {
    const { l, f, m, T } = setting;
    const exact = closedForm(l * f * m, T);
    it(`l=${l} f=${f} m=${m} T=${T}: exact ${exact.toPrecision(4)}`, async () => {
      expectMatches(await run(setsFor(setting), runs), exact);
    });
  }

  it('the file as shipped matches its documented value 0.2592', async () => {
    expect(closedForm(2 * 0.05 * 0.1, 30)).toBeCloseTo(0.2592, 4);
    const result = await run([], 20_000);
    expectMatches(result, closedForm(2 * 0.05 * 0.1, 30));
    // Mean days to use given use: 1/λ − T e^(−λT) / (1 − e^(−λT)) ≈ 14.25 (docs/model.md).
    const [lambda, T] = [2 * 0.05 * 0.1, 30];
    const exact = 1 / lambda - (T * Math.exp(-lambda * T)) / (1 - Math.exp(-lambda * T));
    expect(exact).toBeCloseTo(14.25, 1);
    const days = result.outcomes.daysToUse;
    checks++;
    expect(days).not.toBeNull();
    if (days) {
      const [lo, hi] = [days.mean - Z_FILE * days.stderr, days.mean + Z_FILE * days.stderr];
      expect(lo <= exact && exact <= hi, `${days.mean} ± ${Z_FILE * days.stderr} vs ${exact}`).toBe(
        true,
      );
    }
  });
});

describe('analytic single sensor with automation bias: miss = 1 - (1 - m)(1 - b)', () => {
  const cases: { setting: Setting; b: number }[] = [
    { setting: { l: 2, f: 0.05, m: 0.1, T: 10 }, b: 0.5 },
    { setting: { l: 1, f: 0.1, m: 0.2, T: 5 }, b: 0.2 },
    // Full deference: the human never catches an AI label.
    { setting: { l: 1, f: 0.1, m: 0.2, T: 5 }, b: 1 },
  ];
  for (const { setting, b } of cases) {
    const { l, f, m, T } = setting;
    const miss = 1 - (1 - m) * (1 - b);
    const exact = closedForm(l * f * miss, T);
    it(`l=${l} f=${f} m=${m} b=${b} T=${T}: exact ${exact.toPrecision(4)}`, async () => {
      const sets = [...setsFor(setting), `${A}.human.automationBias=${b}`];
      const result = await run(sets, 50_000);
      expectMatches(result, exact);
      // The counts agree: deferrals happen only when b > 0.
      expect(result.outcomes.counts.automationBiasDeferrals.mean > 0).toBe(b > 0);
    });
  }
});

describe('analytic single sensor under time pressure: catch scales by window / adequate', () => {
  const setting: Setting = { l: 1, f: 0.1, m: 0.1, T: 5 };
  const { l, f, m, T } = setting;

  it('adequate time above the window reduces catching by window / adequate', async () => {
    // Window 10 minutes (time to impact, no latency), adequate 40: catch = 0.9 * 10/40.
    const miss = 1 - (1 - m) * (10 / 40);
    const sets = [
      ...setsFor(setting),
      `${A}.timeToImpactMinutes.ballistic=10`,
      `${A}.human.adequateTimeMinutes=40`,
    ];
    expectMatches(await run(sets, 50_000), closedForm(l * f * miss, T));
  });

  it('adequate time at or below the window changes nothing', async () => {
    const sets = [
      ...setsFor(setting),
      `${A}.timeToImpactMinutes.ballistic=30`,
      `${A}.human.adequateTimeMinutes=30`,
    ];
    expectMatches(await run(sets, 50_000), closedForm(l * f * m, T));
  });

  it('time pressure and automation bias compound: catch = (1 - m) * window/adequate * (1 - b)', async () => {
    const b = 0.4;
    const miss = 1 - (1 - m) * (10 / 40) * (1 - b);
    const sets = [
      ...setsFor(setting),
      `${A}.timeToImpactMinutes.ballistic=10`,
      `${A}.human.adequateTimeMinutes=40`,
      `${A}.human.automationBias=${b}`,
    ];
    expectMatches(await run(sets, 50_000), closedForm(l * f * miss, T));
  });

  it('latency shortens the window and delays the act past the horizon at the very end', async () => {
    // Detection latency 5 minutes: window 15 - 5 = 10 against adequate 40, and a use decided
    // within the last 5 minutes lands after the horizon: P = 1 - exp(-l f miss (T - 5 min)).
    const miss = 1 - (1 - m) * (10 / 40);
    const sets = [
      ...setsFor(setting),
      `${A}.timeToImpactMinutes.ballistic=15`,
      `${A}.latencyMinutes.detection=5`,
      `${A}.human.adequateTimeMinutes=40`,
    ];
    expectMatches(await run(sets, 50_000), closedForm(l * f * miss, T - 5 / 1440));
  });
});

// The issue's acceptance check, literally: the 95% interval the CLI prints contains the closed form
// for three settings set with --set, at a fixed seed (no family-wise widening here).
describe('petrov run --json: the reported 95% interval contains 1 - exp(-l f m T)', () => {
  const settings: Setting[] = [
    { l: 2, f: 0.05, m: 0.1, T: 30 },
    { l: 0.5, f: 0.2, m: 0.3, T: 10 },
    { l: 4, f: 0.02, m: 0.2, T: 20 },
  ];
  for (const setting of settings) {
    const { l, f, m, T } = setting;
    const exact = closedForm(l * f * m, T);
    it(`l=${l} f=${f} m=${m} T=${T}: exact ${exact.toPrecision(4)}`, async () => {
      const out: string[] = [];
      const io = { out: (t: string) => void out.push(t), err: () => undefined, errIsTty: false };
      const args = ['run', FILE, '--json', '--runs', '40000', '--seed', '2026'];
      const code = await main([...args, ...setsFor(setting).flatMap((s) => ['--set', s])], io);
      expect(code).toBe(0);
      const result = JSON.parse(out.join('')) as RunResult;
      const [lo, hi] = result.outcomes.nuclearUse.ci95;
      expect(lo <= exact && exact <= hi, `[${lo}, ${hi}] vs ${exact}`).toBe(true);
    });
  }
});
