/** `compare --variant NAME --set ...`: any change as a paired what-if, and stopping on the ratios. */
import { describe, expect, it } from 'vitest';
import type { ComparisonResult, RunResult } from '../src/runner/index.ts';
import { cli } from './helpers/cli.ts';

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
/** The analytic scenario's exact answer, 1 − exp(−l f m T), with its file's l, f and T. */
const exact = (m: number) => 1 - Math.exp(-2 * 0.05 * m * 30);
const MISS = 'actors.solo.human.catchProbability';

async function compareJson(...args: string[]): Promise<ComparisonResult> {
  const result = await cli('compare', ANALYTIC, ...args, '--json', '--no-store');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as ComparisonResult;
}

describe('compare --variant', () => {
  it('reproduces the closed-form risk ratio of a change in m inside its paired interval', async () => {
    const result = await compareJson(
      '--variant',
      'sharper',
      '--set',
      `${MISS}=0.95`,
      '--runs',
      '20000',
    );
    const [sharper] = result.variants;
    expect(sharper.name).toBe('sharper');
    expect(sharper.safeguards).toEqual([]);
    const ratio = exact(0.05) / exact(0.1);
    const [low, high] = sharper.riskRatio?.ci95 ?? [NaN, NaN];
    expect(low).toBeLessThan(ratio);
    expect(high).toBeGreaterThan(ratio);
    // Common random numbers: the pairing must beat two independent runs clearly.
    expect(sharper.absoluteRiskReduction.stderr).toBeLessThan(0.7 * sharper.independentStderr);
  });

  it('a --set before any --variant changes the baseline and every variant, one after it that variant', async () => {
    const result = await compareJson(
      '--set',
      'horizonDays=10',
      '--variant',
      'a',
      '--set',
      `${MISS}=0.95`,
      '--variant',
      'b',
      '--set',
      `${MISS}=0.8`,
      '--runs',
      '1000',
    );
    const hash = async (...sets: string[]) => {
      const run = await cli(
        'run',
        ANALYTIC,
        '--runs',
        '10',
        '--json',
        '--no-store',
        ...sets.flatMap((s) => ['--set', s]),
      );
      return (JSON.parse(run.out) as RunResult).scenario.hash;
    };
    expect(result.baseline.hash).toBe(await hash('horizonDays=10'));
    const byName = Object.fromEntries(result.variants.map((v) => [v.name, v.hash]));
    expect(byName.a).toBe(await hash('horizonDays=10', `${MISS}=0.95`));
    expect(byName.b).toBe(await hash('horizonDays=10', `${MISS}=0.8`));
  });

  it('names the variant in every problem', async () => {
    const typo = await cli(
      'compare',
      ANALYTIC,
      '--variant',
      'v',
      '--set',
      'actors.solo.human.catchProbabilty=0.9',
    );
    expect(typo.code).toBe(2);
    expect(typo.err).toMatchInlineSnapshot(`
      "--variant v --set actors.solo.human.catchProbabilty=0.9: actors.solo.human.catchProbabilty: unknown field (did you mean 'catchProbability'?)
      "
    `);
    const empty = await cli('compare', ANALYTIC, '--variant', 'v', '--runs', '10');
    expect(empty.err).toMatchInlineSnapshot(`
      "--variant v: needs at least one change (path=value)
      "
    `);
    const twice = await cli(
      'compare',
      ANALYTIC,
      '--variant',
      'v',
      '--set',
      'horizonDays=5',
      '--variant',
      'v',
    );
    expect(twice.code).toBe(2);
    expect(twice.err.split('\n')[0]).toMatchInlineSnapshot(
      `"error: option '--variant <name>' argument 'v' is invalid. 'v' is taken: give each variant its own name"`,
    );
    const safeguard = await cli(
      'compare',
      ANALYTIC,
      '--safeguard',
      'hotline',
      '--variant',
      'hotline',
      '--set',
      'horizonDays=5',
    );
    expect(safeguard.err).toMatchInlineSnapshot(`
      "--variant hotline: is also a compared safeguard: rename the variant
      "
    `);
  });
});

describe('compare --target-rel-error', () => {
  it("stops once every variant's risk ratio has the relative error asked for", async () => {
    const target = 0.01;
    const result = await compareJson(
      '--variant',
      'sharper',
      '--set',
      `${MISS}=0.95`,
      '--target-rel-error',
      String(target),
      '--max-runs',
      '400000',
    );
    expect(result.stoppedBy).toBe('target');
    const [low, high] = result.variants[0].riskRatio?.ci95 ?? [NaN, NaN];
    const relErr = (Math.log(high) - Math.log(low)) / (2 * 1.959963984540054);
    expect(relErr).toBeLessThanOrEqual(target);
    // The ratio is the harder quantity here: the run went on past the baseline's own precision.
    expect(result.baseline.nuclearUse.relErr).toBeLessThan(relErr);
    expect(result.runs).toBeGreaterThan(10_000);
  });

  it('says in its text where it stopped: at the target, or at the cap', async () => {
    const second = async (...args: string[]) =>
      (
        await cli(
          'compare',
          ANALYTIC,
          '--variant',
          'sharper',
          '--set',
          `${MISS}=0.95`,
          ...args,
          '--no-store',
        )
      ).out.split('\n')[1];
    expect(await second('--target-rel-error', '0.2', '--max-runs', '400000')).toMatch(
      /^[\d,]+ trials per variant \(stopped once every risk ratio reached the target relative error\), seed 1,/,
    );
    expect(await second('--target-rel-error', '0.01', '--max-runs', '1000')).toMatch(
      /^1,000 trials per variant \(target relative error of the risk ratios not reached: capped by --max-runs\), seed 1,/,
    );
  });
});
