/**
 * Tornado and Sobol indices of a safeguard's risk ratio on the analytic scenario, against its
 * closed form. With dual phenomenology a false alarm reaches the human only if the second sensor
 * confirms it, with q = c + (1 − c) fp₂ (docs/model.md), so the ratio is
 * r = (1 − exp(−x q)) / (1 − exp(−x)), x = l f m T: it depends on the common cause c strongly and
 * on l and m through x. Tolerances come from the intervals (Bonferroni over the checks); the inner
 * Monte Carlo noise is present and must not show up as sensitivity.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { normalQuantile } from '../src/random/index.ts';
import { ratioTornado, sobol } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { InputError } from '../src/util/index.ts';
import type { RatioTornadoResult, SobolResult } from '../src/index.ts';
import { cli } from './helpers/cli.ts';
import { csvRecords } from './helpers/csv.ts';
import { exactSobolIndices } from './helpers/quadrature.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
const A = 'actors.solo';
const SAFEGUARD = 'dual-phenomenology';
const RANGES = { l: [1, 3], catch: [0.5, 0.95], c: [0.05, 0.5] } as const;
const UNCERTAIN = [
  `${A}.tracks.ballistic.falseAlarm=uniform(${RANGES.l.join(', ')})`,
  `${A}.human.catchProbability=uniform(${RANGES.catch.join(', ')})`,
  `${A}.confirmation.commonCause=uniform(${RANGES.c.join(', ')})`,
];
const [T, F, FP2] = [30, 0.05, 0.05];
const ratio = (l: number, catchP: number, c: number) => {
  const x = l * F * (1 - catchP) * T;
  const q = c + (1 - c) * FP2;
  return (1 - Math.exp(-x * q)) / (1 - Math.exp(-x));
};

const load = (uncertain: readonly string[] = UNCERTAIN) => {
  const loaded = loadScenarioFile(FILE, [], [...uncertain]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
};

const CHECKS = 16;
const Z = normalQuantile(1 - 0.05 / (2 * CHECKS));
let checks = 0;
function expectInside(d: { estimate: number; stderr: number } | null, value: number, what: string) {
  checks++;
  if (d === null) throw new Error(`${what}: undefined`);
  const [lo, hi] = [d.estimate - Z * d.stderr, d.estimate + Z * d.stderr];
  expect(lo <= value && value <= hi, `${what}: ${value} outside [${lo}, ${hi}]`).toBe(true);
}

describe('the tornado of a risk ratio', () => {
  it('matches the closed form at every end, change and swing, with paired intervals', async () => {
    const result = await ratioTornado(load(), SAFEGUARD, { runs: 20_000, seed: 5 });
    const base = { l: 2, catch: 0.9, c: 0.1 };
    const r0 = ratio(base.l, base.catch, base.c);
    expectInside(result.baseline, r0, 'baseline');
    expect(result.safeguard).toBe(SAFEGUARD);
    expect(result.undefinedEnds).toBe(0);
    const keys = { falseAlarm: 'l', catchProbability: 'catch', commonCause: 'c' } as const;
    for (const bar of result.bars) {
      const key = keys[bar.parameter.split('.').pop() as keyof typeof keys];
      const at = (v: number) => {
        const p = { ...base, [key]: v };
        return ratio(p.l, p.catch, p.c);
      };
      const [rl, rh] = [at(bar.low.value as number), at(bar.high.value as number)];
      expectInside(bar.low.ratio, rl, `${bar.parameter} low`);
      expectInside(bar.high.ratio, rh, `${bar.parameter} high`);
      expectInside(bar.low.change, rl - r0, `${bar.parameter} low change`);
      expectInside(bar.high.change, rh - r0, `${bar.parameter} high change`);
      expectInside(bar.swing, rh - rl, `${bar.parameter} swing`);
    }
    // The common cause sets q directly: the widest bar by far.
    expect(result.bars[0].parameter).toBe(`${A}.confirmation.commonCause`);
  });

  afterAll(() => expect(checks).toBe(CHECKS));
});

describe('Sobol indices of a risk ratio', () => {
  it('hold the indices of the closed form inside their intervals, inner noise and all', async () => {
    const exact = exactSobolIndices(ratio, Object.values(RANGES));
    const result = await sobol(load(), {
      ratio: SAFEGUARD,
      basePoints: 400,
      repetitions: 200,
      seed: 2,
      level: 1 - 0.05 / 6,
    });
    expect(result.ratio).toMatchObject({ safeguard: SAFEGUARD, excludedBasePoints: 0 });
    expect(result.runs).toBe(400 * 2 * 5 * 200);
    // The inner noise is real: a sizeable share of the spread of the raw per-set ratios.
    const noiseShare = result.noiseVariance / (result.noiseVariance + result.variance.estimate);
    expect(noiseShare).toBeGreaterThan(0.05);
    for (const [i, u] of UNCERTAIN.entries()) {
      const name = u.split('=')[0];
      const got = result.indices.find((x) => x.parameter === name);
      if (!got) throw new Error(name);
      const { first, total } = got;
      const inside = (ci: readonly [number, number], x: number) => ci[0] <= x && x <= ci[1];
      expect(inside(first.ci, exact.first[i]), `S ${name}: ${exact.first[i]} in ${first.ci}`).toBe(
        true,
      );
      expect(inside(total.ci, exact.total[i]), `ST ${name}: ${exact.total[i]} in ${total.ci}`).toBe(
        true,
      );
    }
  }, 60_000);

  it('is the same on 1 and 2 workers for a seed', async () => {
    const options = { ratio: SAFEGUARD, basePoints: 12, repetitions: 100, seed: 4 };
    const one = await sobol(load(), { ...options, workers: 1 });
    const two = await sobol(load(), { ...options, workers: 2 });
    const strip = (r: typeof one) => ({ ...r, timing: null });
    expect(strip(two)).toEqual(strip(one));
    // Twelve base points are too few to trust the bootstrap, and the result says so.
    expect(one.warnings.join(' ')).toMatch(/only 12 base points/);
  }, 60_000);

  it('counts and reports base points whose baseline saw no use, never setting their ratio', async () => {
    // About 0.3 expected uses per parameter set: many sets see none, so their ratio is undefined.
    const rare = [`${A}.tracks.ballistic.falseAlarm=uniform(0.05, 0.2)`, UNCERTAIN[2]];
    const result = await sobol(load(rare), {
      ratio: SAFEGUARD,
      basePoints: 40,
      repetitions: 20,
      seed: 3,
    });
    const excluded = result.ratio?.excludedBasePoints ?? 0;
    expect(excluded).toBeGreaterThan(0);
    expect(excluded).toBeLessThan(40);
    expect(result.warnings.join(' ')).toContain(`${excluded} of 40 base points left out`);
    // Where every set is undefined there is nothing to estimate: an error naming the option.
    const none = [`${A}.tracks.ballistic.falseAlarm=uniform(0.0001, 0.0002)`, UNCERTAIN[2]];
    const error = await sobol(load(none), {
      ratio: SAFEGUARD,
      basePoints: 10,
      repetitions: 5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0].path).toBe('repetitions');
  }, 60_000);

  it('rejects an unknown safeguard and too few base points, naming the option', async () => {
    const bad = await sobol(load(), { ratio: 'no-such-thing', basePoints: 10 }).catch(
      (e: unknown) => e,
    );
    expect((bad as InputError).issues[0]).toMatchObject({ path: 'ratio' });
    expect((bad as InputError).message).toMatch(/unknown safeguard/);
    const few = await sobol(load(), { basePoints: 3 }).catch((e: unknown) => e);
    expect((few as InputError).issues[0]).toMatchObject({ path: 'basePoints' });
    const tornadoBad = await ratioTornado(load(), 'nope', { runs: 10 }).catch((e: unknown) => e);
    expect((tornadoBad as InputError).issues[0]).toMatchObject({ path: 'ratio' });
  });
});

describe('petrov sensitivity --ratio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petrov-ratio-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const args = ['sensitivity', FILE, '--ratio', SAFEGUARD, '-n', '2000', '--sobol'];
  const more = ['--base-points', '20', '--repetitions', '100', '--seed', '3', '-w', '1'];
  for (const u of UNCERTAIN.slice(1)) more.push('--uncertain', u);

  it('gives the same numbers as --json, CSV rows and an HTML report, with its warnings', async () => {
    const report = join(dir, 'ratio.html');
    const json = await cli(...args, ...more, '--json', '--report', report);
    expect(json.code, json.err).toBe(0);
    const { tornado, sobol } = JSON.parse(json.out) as {
      tornado: RatioTornadoResult;
      sobol: SobolResult;
    };
    expect(tornado.safeguard).toBe(SAFEGUARD);
    expect(sobol.ratio?.safeguard).toBe(SAFEGUARD);
    const csv = await cli(...args, ...more, '--format', 'csv');
    const rows = csvRecords(csv.out);
    const row = (analysis: string, parameter: string | null, measure: string) =>
      rows.find(
        (r) => r.analysis === analysis && r.parameter === parameter && r.measure === measure,
      );
    const base = row('tornado_ratio', null, 'ratio_baseline');
    expect(base?.value).toBe(SAFEGUARD);
    expect(Number(base?.estimate)).toBe(tornado.baseline.estimate);
    for (const bar of tornado.bars) {
      expect(Number(row('tornado_ratio', bar.parameter, 'swing')?.stderr)).toBe(bar.swing?.stderr);
    }
    for (const i of sobol.indices) {
      const total = row('sobol_ratio', i.parameter, 'total_order');
      expect(Number(total?.ci_high)).toBe(i.total.ci[1]);
    }
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(`Tornado of the risk ratio of ${SAFEGUARD}`);
    expect(html).toContain('only 20 base points');
    const text = await cli(...args, ...more);
    expect(text.out).toContain(`P(nuclear use | ${SAFEGUARD}) / P(nuclear use)`);
    expect(text.out).toContain('warning: only 20 base points');
  }, 60_000);

  it('rejects an unknown safeguard and absurd base points, naming the option', async () => {
    const bad = await cli('sensitivity', FILE, ...more.slice(8), '--ratio', 'nope', '-n', '10');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/ratio: nope: unknown safeguard/);
    const few = await cli('sensitivity', FILE, '--sobol', '--base-points', '3');
    expect(few.code).not.toBe(0);
    expect(few.err).toMatch(/--base-points.*from 10 to 1000000/);
  });
});
