/**
 * Safeguards (M8) and their comparison on common random numbers (issue 4). Intervals come from the
 * runs themselves; seeds are fixed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../src/analysis/index.ts';
import { compare } from '../src/runner/index.ts';
import {
  applySafeguards,
  BUILTIN_SAFEGUARDS,
  loadScenarioFile,
  type LoadedScenario,
} from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const scenario = (name: string) =>
  fileURLToPath(new URL(`../scenarios/${name}.yaml`, import.meta.url));
const ANALYTIC = scenario('analytic-single-sensor');
const KOREA = scenario('korean-peninsula-2026');

function load(file: string, sets: string[] = []): LoadedScenario {
  const result = loadScenarioFile(file, sets);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function withSafeguards(loaded: LoadedScenario, names: string[]): LoadedScenario {
  const result = applySafeguards(loaded, names);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('common random numbers', () => {
  it('make the paired interval of a risk difference much narrower than independent runs', async () => {
    // The analytic scenario with a better human (miss 0.05 instead of 0.1): same tracks, same draws.
    const baseline = load(ANALYTIC);
    const better = load(ANALYTIC, ['actors.solo.human.catchProbability=0.95']);
    const result = await compare(
      baseline,
      [{ name: 'better human', safeguards: [], loaded: better }],
      {
        runs: 20_000,
        seed: 11,
      },
    );
    const v = result.variants[0];
    // Independent runs of the same size would have this standard error for the difference.
    expect(v.absoluteRiskReduction.stderr).toBeLessThan(0.6 * v.independentStderr);
    // And the variant never uses where the baseline did not: its misses are a subset here.
    expect(v.pairs.variantOnly).toBeLessThan(0.1 * v.pairs.baselineOnly);
  });
});

describe('a safeguard against its closed form on the analytic scenario', () => {
  it('a human missing with m2 < m scales the risk by (1 - e^(-l f m2 T)) / (1 - e^(-l f m T))', async () => {
    const [l, f, T] = [1, 0.05, 10];
    const [m, m2] = [0.2, 0.05];
    const sets = [`horizonDays=${T}`, `actors.solo.tracks.ballistic.falseAlarm=${l}`];
    const baseline = load(ANALYTIC, [...sets, `actors.solo.human.catchProbability=${1 - m}`]);
    const variant = load(ANALYTIC, [...sets, `actors.solo.human.catchProbability=${1 - m2}`]);
    const result = await compare(baseline, [{ name: 'm2', safeguards: [], loaded: variant }], {
      runs: 100_000,
      seed: 3,
    });
    const exact = (1 - Math.exp(-l * f * m2 * T)) / (1 - Math.exp(-l * f * m * T));
    // About m2 / m = 0.25 for small risk; the exact ratio must sit in the paired interval.
    expect(exact).toBeCloseTo(m2 / m, 1);
    const rr = result.variants[0].riskRatio;
    expect(rr).not.toBeNull();
    const [lo, hi] = rr?.ci95 ?? [NaN, NaN];
    expect(lo <= exact && exact <= hi, `[${lo}, ${hi}] vs ${exact}`).toBe(true);
  });
});

describe('no built-in safeguard raises the risk beyond its interval on the bundled scenarios', () => {
  const cases: { file: string; runs: number }[] = [
    { file: ANALYTIC, runs: 20_000 },
    { file: KOREA, runs: 4_000 },
  ];
  for (const { file, runs } of cases) {
    it(
      file.split('/').pop() ?? file,
      async () => {
        const baseline = load(file);
        const variants = BUILTIN_SAFEGUARDS.map((s) => ({
          name: s.name,
          safeguards: [s.name],
          loaded: withSafeguards(baseline, [s.name]),
        }));
        const result: CompareResult = await compare(baseline, variants, { runs, seed: 7 });
        for (const v of result.variants) {
          // Risk reduction p0 - p1 may be 0 or positive; its 95% interval must not lie below zero.
          expect(v.absoluteRiskReduction.ci95[1], v.name).toBeGreaterThanOrEqual(0);
        }
      },
      120_000,
    );
  }
});

describe('applying safeguards', () => {
  it('changes only what each built-in says and re-validates the result', () => {
    const baseline = load(KOREA);
    const north = baseline.scenario.actors.north;
    const hil = withSafeguards(baseline, ['human-in-the-loop:north']).scenario;
    expect(hil.actors.north.authority.mode).toBe('human_in_the_loop');
    expect(hil.actors.south).toEqual(baseline.scenario.actors.south);
    const tactical = withSafeguards(baseline, ['ai-tactical-only']).scenario;
    expect(tactical.actors.north.ai.domains).toEqual(north.ai.domains.filter((d) => d === 'land'));
    const dealert = withSafeguards(baseline, ['de-alerting']).scenario;
    expect(dealert.actors.north.responses.ballistic).toBe('nuclear_alert');
    expect(dealert.actors.north.authority.timeoutDefault).not.toBe('launch_on_warning');
    expect(withSafeguards(baseline, ['hotline']).scenario.ladder.hotline.enabled).toBe(true);
  });

  it('is idempotent: a safeguard applied twice is the same as once', () => {
    const baseline = load(KOREA);
    for (const s of BUILTIN_SAFEGUARDS) {
      const once = withSafeguards(baseline, [s.name]);
      const twice = withSafeguards(baseline, [s.name, s.name]);
      expect(twice.hash, s.name).toBe(once.hash);
    }
  });

  it('rejects unknown names, unknown actors and actor targets on whole-crisis safeguards', () => {
    const baseline = load(KOREA);
    const issues = (specs: string[]) => {
      const result = applySafeguards(baseline, specs);
      return result.ok ? [] : result.issues;
    };
    expect(issues(['human-in-the-lop'])[0]).toMatchObject({
      path: 'human-in-the-lop',
      source: '--safeguard human-in-the-lop',
    });
    expect(issues(['human-in-the-lop'])[0].message).toMatch(/^unknown safeguard \(known: /);
    expect(issues(['human-in-the-loop:west'])[0].message).toBe(
      "no actor 'west' (actors: north, south)",
    );
    expect(issues(['hotline:north'])[0].message).toBe(
      'acts on the whole crisis: give it without :actor',
    );
  });
});

describe('user-defined safeguards in the scenario file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petrov-safeguards-'));
  const base = `name: T
horizonDays: 5
actors:
  solo:
    tracks: { ballistic: { falseAlarm: 1 } }
    ai: { domains: [ballistic], falsePositive: { ballistic: 0.1 } }
    authority: { confidenceThreshold: 0 }
    human: { catchProbability: 0.8, decisionTime: { medianMinutes: 0, sigma: 0 } }
    responses: { ballistic: limited_nuclear_use }
`;

  it('are applied by name, with * standing for each targeted actor', async () => {
    const file = join(dir, 'own.yaml');
    writeFileSync(
      file,
      `${base}safeguards:
  careful-human:
    description: a human trained against automation bias
    set: ["actors.*.human.catchProbability=0.99"]
`,
    );
    const applied = withSafeguards(load(file), ['careful-human']);
    expect(applied.scenario.actors.solo.human.catchProbability).toBe(0.99);
    const result = await cli(
      'compare',
      file,
      '--safeguard',
      'careful-human',
      '-n',
      '3000',
      '--json',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as CompareResult;
    expect(parsed.variants[0].name).toBe('careful-human');
    expect(parsed.variants[0].absoluteRiskReduction.estimate).toBeGreaterThan(0);
  });

  it('a broken patch is a validation error naming the safeguard and its line', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `${base}safeguards:
  typo:
    description: misspelt field
    set: ["actors.*.human.catchProbabilty=0.99"]
`,
    );
    const result = await cli('validate', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}:11:3: safeguards.typo: actors.solo.human: `);
  });

  it('may not shadow a built-in', async () => {
    const file = join(dir, 'shadow.yaml');
    writeFileSync(
      file,
      `${base}safeguards:\n  hotline:\n    description: x\n    set: ["horizonDays=1"]\n`,
    );
    const result = await cli('validate', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain('safeguards.hotline: shadows the built-in safeguard');
  });
});

describe('petrov compare and pathways on the command line', () => {
  it('compare --help lists every built-in with one line', async () => {
    const result = await cli('compare', '--help');
    expect(result.code).toBe(0);
    for (const s of BUILTIN_SAFEGUARDS) expect(result.out).toContain(`  ${s.name}`);
    expect(result.out).toContain('Examples');
  });

  it('compare rejects an unknown safeguard with exit 2, naming it', async () => {
    const result = await cli('compare', KOREA, '--safeguard', 'hotlnie');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^--safeguard hotlnie: hotlnie: unknown safeguard/);
    expect(result.err).not.toContain('    at ');
  });

  it('compare without a safeguard is an input error', async () => {
    const result = await cli('compare', KOREA);
    expect(result.code).toBe(2);
    expect(result.err).toContain('name at least one safeguard, or use --all');
  });

  it('compare --combine adds the combination, sorted by effect, with cause breakdowns', async () => {
    const result = await cli(
      'compare',
      KOREA,
      '--safeguard',
      'no-predelegation',
      '--safeguard',
      'confidence-threshold',
      '--combine',
      '-n',
      '3000',
      '--json',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as CompareResult;
    expect(parsed.variants.map((v) => v.name).sort()).toEqual(
      ['combined', 'confidence-threshold', 'no-predelegation'].sort(),
    );
    const reductions = parsed.variants.map((v) => v.absoluteRiskReduction.estimate);
    expect(reductions).toEqual([...reductions].sort((a, b) => b - a));
    expect(Object.keys(parsed.baseline.byCause).sort()).toEqual([
      'decapitation_misread',
      'deliberate',
      'escalation_spiral',
      'false_alarm',
    ]);
    const text = await cli('compare', KOREA, '--safeguard', 'hotline', '-n', '1000');
    expect(text.out).toContain('risk ratio [95% CI]');
  });

  it('pathways: shares add up, and each example trial traces to nuclear use by its cause', async () => {
    const result = await cli('pathways', KOREA, '-n', '3000', '--top', '3', '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as {
      runs: number;
      shareByCause: Record<string, { p: number }>;
      pathways: { path: string; cause: string; uses: number; exampleTrial: number }[];
      nuclearUse: { p: number };
    };
    const shares = Object.values(parsed.shareByCause).reduce((s, e) => s + e.p, 0);
    expect(shares).toBeCloseTo(1, 10);
    expect(parsed.pathways.length).toBeGreaterThan(0);
    for (const p of parsed.pathways) {
      expect(p.path).toContain('NUCLEAR USE');
      const trace = await cli('trace', KOREA, '--trial', String(p.exampleTrial), '--json');
      const traced = JSON.parse(trace.out) as { nuclearUse: boolean; cause: string };
      expect(traced).toMatchObject({ nuclearUse: true, cause: p.cause });
    }
  });
});

describe('docs/safeguards.md', () => {
  it('is produced by the script, which runs on a small budget', async () => {
    const { safeguardsComparison, safeguardsMarkdown } =
      await import('../scripts/safeguards-doc.ts');
    const markdown = safeguardsMarkdown(await safeguardsComparison(500, 1));
    const committed = readFileSync(new URL('../docs/safeguards.md', import.meta.url), 'utf8');
    // Same document shape: every built-in and the combination, with the same headings.
    for (const s of BUILTIN_SAFEGUARDS) {
      expect(markdown).toContain(`| ${s.name} |`);
      expect(committed).toContain(`| ${s.name} |`);
    }
    const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings(committed)).toEqual(headings(markdown));
    expect(committed).toContain('Generated by `npm run docs:safeguards`');
  }, 60_000);
});
