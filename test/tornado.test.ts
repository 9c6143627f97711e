/**
 * The tornado against the analytic scenario's closed form 1 − exp(−l f m T): each end (one
 * parameter at its 5% or 95% point, the rest at baseline), its change from the baseline and the
 * bar's swing must hold the exact value inside their intervals: Wilson for the ends, paired for the
 * differences, at a family-wise 95% level over the file (Bonferroni over CHECKS, as in
 * analytic.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { wilson } from '../src/estimate/index.ts';
import { normalQuantile } from '../src/random/index.ts';
import { tornado } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const UNCERTAIN = [
  `${A}.tracks.ballistic.falseAlarm=uniform(1, 3)`,
  `${A}.ai.falsePositive.ballistic=uniform(0.02, 0.08)`,
  `${A}.human.catchProbability=uniform(0.85, 0.95)`,
];
const CHECKS = 15;
const Z = normalQuantile(1 - 0.05 / (2 * CHECKS));
const T = 30;
const exact = (l: number, f: number, m: number) => 1 - Math.exp(-l * f * m * T);
let checks = 0;

function expectInside(lo: number, hi: number, value: number, what: string): void {
  checks++;
  expect(lo <= value && value <= hi, `${what}: ${value} outside [${lo}, ${hi}]`).toBe(true);
}

describe('petrov sensitivity: the tornado', () => {
  it('matches the closed form at every end, for every change and swing', async () => {
    const loaded = loadScenarioFile(FILE, [], UNCERTAIN);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const runs = 20_000;
    const result = await tornado(loaded.value, { runs }); // the default seed, 1
    const base = { l: 2, f: 0.05, m: 0.1 };
    const p0 = exact(base.l, base.f, base.m);
    expect(result.baseline.p).toBeGreaterThan(0);
    const keys = { falseAlarm: 'l', ballistic: 'f', catchProbability: 'm' } as const;
    for (const bar of result.bars) {
      const key = keys[bar.parameter.split('.').pop() as keyof typeof keys];
      const at = (v: number) => {
        const point = { ...base, [key]: key === 'm' ? 1 - v : v };
        return exact(point.l, point.f, point.m);
      };
      const [pl, ph] = [at(bar.low.value as number), at(bar.high.value as number)];
      const interval = (d: { estimate: number; stderr: number }) =>
        [d.estimate - Z * d.stderr, d.estimate + Z * d.stderr] as const;
      const k = (p: number) => Math.round(p * runs);
      expectInside(...wilson(k(bar.low.estimate.p), runs, Z), pl, `${bar.parameter} low`);
      expectInside(...wilson(k(bar.high.estimate.p), runs, Z), ph, `${bar.parameter} high`);
      expectInside(...interval(bar.low.change), pl - p0, `${bar.parameter} low change`);
      expectInside(...interval(bar.high.change), ph - p0, `${bar.parameter} high change`);
      expectInside(...interval(bar.swing), ph - pl, `${bar.parameter} swing`);
      // Paired: the swing's interval is far narrower than two independent runs would give.
      expect(bar.swing.stderr).toBeLessThan(Math.sqrt((pl * (1 - pl) + ph * (1 - ph)) / runs));
    }
    // Sorted by swing: l and f span a factor of 3 and 4 around the same product, m a factor of 3.
    const swings = result.bars.map((b) => Math.abs(b.swing.estimate));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  afterAll(() => expect(checks).toBe(CHECKS));
});

describe('petrov sensitivity on the command line', () => {
  it('prints the tornado as JSON, widest swing first', async () => {
    const args = ['sensitivity', FILE, '-n', '2000', '--json', '--uncertain', UNCERTAIN[0]];
    const { code, out } = await cli(...args, '--uncertain', 'intensity=uniform(0.5, 2)');
    expect(code).toBe(0);
    const { tornado: result } = JSON.parse(out) as { tornado: { bars: { parameter: string }[] } };
    expect(result.bars.map((b) => b.parameter)).toEqual([
      `${A}.tracks.ballistic.falseAlarm`,
      'intensity',
    ]);
  });

  it('adds Sobol indices with --sobol', async () => {
    const args = ['sensitivity', FILE, '-n', '500', '--sobol', '--base-points', '20'];
    const { code, out } = await cli(
      ...args,
      '--repetitions',
      '20',
      '--json',
      '--uncertain',
      UNCERTAIN[0],
    );
    expect(code).toBe(0);
    const { sobol } = JSON.parse(out) as { sobol: { runs: number; indices: unknown[] } };
    expect(sobol.runs).toBe(20 * 3 * 20);
    expect(sobol.indices).toHaveLength(1);
  });

  it('rejects an invalid distribution naming it, and a scenario with none', async () => {
    const bad = await cli(
      'sensitivity',
      FILE,
      '--uncertain',
      `${A}.human.catchProbability=uniform(0.5, 2)`,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatchInlineSnapshot(`
      "--uncertain actors.solo.human.catchProbability=uniform(0.5, 2): uncertainty.actors.solo.human.catchProbability.max: 2 is outside the field's range [0, 1]
      "
    `);
    const none = await cli('sensitivity', FILE);
    expect(none.code).toBe(2);
    expect(none.err).toMatchInlineSnapshot(`
      "uncertainty: declare uncertain parameters (or give --uncertain)
      "
    `);
  });
});
