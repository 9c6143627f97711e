import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../util/index.ts';
import { loadScenarioFile } from './load-file.ts';
import { loadScenarioText } from './load.ts';
import { uncertainParameters } from './uncertain-parameters.ts';

const CAPABILITY = fileURLToPath(
  new URL('../../scenarios/korean-peninsula-2026-capability.yaml', import.meta.url),
);

const BASE = `name: U
horizonDays: 30
actors:
  solo:
    human: { catchProbability: 0.9 }
`;

const problems = (block: string, uncertain: string[] = []) => {
  const result = loadScenarioText(`${BASE}uncertainty:\n${block}`, { source: 'u.yaml', uncertain });
  return result.ok ? '' : result.issues.map(formatIssue).join('\n');
};

describe('the uncertainty block', () => {
  it('rejects an invalid distribution naming its path and line', () => {
    expect(
      problems(`  horizonDays: { dist: unifrm, min: 1, max: 2, assumption: a }
  intensity: { dist: uniform, min: 2, max: 1, assumption: a }
  actors.solo.human.catchProbability: { dist: uniform, min: 0.5, max: 1.5, source: S5 }
  actors.solo.human.nope: { dist: uniform, min: 0, max: 1, assumption: a }
  actors.solo.human.automationBias: { dist: beta, alpha: 2, beta: 2 }
`),
    ).toMatchInlineSnapshot(`
      "u.yaml:7:18: uncertainty.horizonDays.dist: unknown distribution (known: uniform, loguniform, triangular, normal, lognormal, beta, discrete)
      u.yaml:8:39: uncertainty.intensity.max: bounds reversed: max must exceed min (2)
      u.yaml:11:3: uncertainty.actors.solo.human.automationBias: give a source or an assumption (one of them)"
    `);
    expect(
      problems(`  actors.solo.human.catchProbability: { dist: uniform, min: 0.5, max: 1.5, source: S5 }
  actors.solo.human.nope: { dist: uniform, min: 0, max: 1, assumption: a }
  actors.solo.authority.mode: { dist: discrete, values: [autonomous, manual], assumption: a }
  actors.solo.ai.domains: { dist: uniform, min: 0, max: 1, assumption: a }
`),
    ).toMatchInlineSnapshot(`
      "u.yaml:7:66: uncertainty.actors.solo.human.catchProbability.max: 1.5 is outside the field's range [0, 1]
      u.yaml:8:3: uncertainty.actors.solo.human.nope: no field at this path
      u.yaml:9:70: uncertainty.actors.solo.authority.mode.values.1: manual: Invalid option: expected one of "human_in_the_loop"|"human_on_the_loop"|"autonomous"
      u.yaml:10:3: uncertainty.actors.solo.ai.domains: names a group of fields or a list, not one value"
    `);
  });

  it('rejects a range on a rate that M6 computes from training', () => {
    const trained = loadScenarioFile(
      CAPABILITY,
      [],
      ['actors.north.ai.falsePositive.air=uniform(0.01, 0.1)'],
    );
    expect(trained.ok ? [] : trained.issues.map(formatIssue)).toEqual([
      '--uncertain actors.north.ai.falsePositive.air=uniform(0.01, 0.1): uncertainty.actors.north.ai.falsePositive.air: computed from ai.training (M6): give its training inputs a range instead',
    ]);
  });

  it('takes --uncertain from the command line and blames it', () => {
    expect(problems('  {}\n', ['intensity=uniform(3, 1)', 'horizonDays=weibull(1)']))
      .toMatchInlineSnapshot(`
        "--uncertain intensity=uniform(3, 1): uncertainty.intensity.max: bounds reversed: max must exceed min (3)
        --uncertain horizonDays=weibull(1): uncertainty.horizonDays: unknown distribution 'weibull' (known: uniform, loguniform, triangular, normal, lognormal, beta, discrete)"
      `);
    expect(
      problems('  {}\n', [
        'intensity=normal(1, 0.5)',
        'actors.solo.human.catchProbability=beta(2, 2, 0.5, 2)',
      ]),
    ).toMatchInlineSnapshot(
      `"--uncertain actors.solo.human.catchProbability=beta(2, 2, 0.5, 2): uncertainty.actors.solo.human.catchProbability.max: 2 is outside the field's range [0, 1]"`,
    );
  });

  it('maps design points through each quantile function, truncated to the field', () => {
    const result = loadScenarioText(`${BASE}uncertainty:
  intensity: { dist: normal, mean: 0.2, sd: 1, assumption: a }
  horizonDays: { dist: loguniform, min: 1, max: 100, assumption: a }
  actors.solo.human.catchProbability: { dist: triangular, min: 0.5, mode: 0.9, max: 1, assumption: a }
  actors.solo.human.automationBias: { dist: beta, alpha: 2, beta: 2, min: 0.2, max: 0.6, source: S5 }
  actors.solo.authority.mode: { dist: discrete, values: [autonomous, human_in_the_loop], weights: [1, 3], assumption: a }
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [intensity, horizon, catching, bias, mode] = uncertainParameters(result.value.scenario);
    expect(intensity.baseline).toBe(1);
    // Truncated below at 0: the median of N(0.2, 1) given > 0 is above 0.2.
    expect(intensity.quantile(0)).toBe(0);
    expect(intensity.quantile(0.5)).toBeGreaterThan(0.2);
    expect(horizon.quantile(0.5)).toBeCloseTo(10, 12);
    expect(catching.quantile(0.8)).toBeCloseTo(0.9, 12);
    expect(bias.quantile(0.5)).toBeCloseTo(0.4, 12);
    expect([mode.quantile(0.2), mode.quantile(0.3)]).toEqual(['autonomous', 'human_in_the_loop']);
  });

  it('leaves the hash alone: ranges change no model', () => {
    const plain = loadScenarioText(BASE);
    const empty = loadScenarioText(`${BASE}uncertainty: {}\n`);
    const declared = loadScenarioText(BASE, { uncertain: ['intensity=uniform(0.5, 2)'] });
    if (!plain.ok || !empty.ok || !declared.ok) throw new Error('invalid');
    expect(empty.value.hash).toBe(plain.value.hash);
    expect(declared.value.hash).toBe(plain.value.hash);
  });
});
