/**
 * M6 wired into scenarios: a training block resolves to the rates M6 computes, the engine sees
 * only those, invalid blocks are rejected with path and line, and the bundled capability scenario
 * differs from the Korean baseline only in the North's AI.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCapability } from '../src/capability/index.ts';
import {
  DOMAINS,
  formatIssue,
  loadScenarioFile,
  loadScenarioText,
  scenarioCapability,
  type Issue,
  type ResolvedScenario,
} from '../src/index.ts';
import { resolveScenarioObject } from '../src/scenario/index.ts';

const BASELINE = 'scenarios/korean-peninsula-2026.yaml';
const CAPABILITY = 'scenarios/korean-peninsula-2026-capability.yaml';

const TRAINED = `name: trained
horizonDays: 30
actors:
  solo:
    ai:
      domains: [ballistic, land]
      confidence: { correct: 0.9, spread: 1 }
      training:
        accelerators:
          count: 100
          peakTflops: 312
          boardPowerW: 400
        power:
          availableMW: 0.02
          pue: 1.25
        days: 10
        data:
          samples: 100000
          mix:
            ballistic: 0.25
            land: 0.75
          simulatedShare: 0.5
        falsePositiveShare: 0.3
        calibratedWrongConfidence: 0.5
`;

function load(text: string, sets: string[] = []): ResolvedScenario {
  const result = loadScenarioText(text, { source: 'trained.yaml', sets });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value.scenario;
}

function issuesOf(text: string, sets: string[] = []): readonly Issue[] {
  const result = loadScenarioText(text, { source: 'trained.yaml', sets });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('a training block', () => {
  const scenario = load(TRAINED);
  const ai = scenario.actors.solo.ai;
  const c = computeCapability({
    hardware: {
      count: 100,
      peakTflops: 312,
      boardPowerW: 400,
      hostOverhead: 1,
      availableMW: 0.02,
      pue: 1.25,
    },
    days: 10,
    utilisation: 0.4,
    data: {
      samples: 100000,
      mix: { ballistic: 0.25, air: 0, naval: 0, land: 0.75 },
      simulatedShare: 0.5,
      realismDiscount: 0.5,
      transfer: { ballistic: 0.1, air: 0.1, naval: 0.1, land: 0.1 },
    },
    falsePositiveShare: 0.3,
  });

  it('resolves to the per-domain rates M6 computes (defaults applied)', () => {
    expect(c.usable).toBe(40); // 20 kW / (400 W × 1 × 1.25)
    for (const d of DOMAINS) {
      expect(ai.falsePositive[d]).toBe(c.domains[d].falsePositive);
      expect(ai.falseNegative[d]).toBe(c.domains[d].falseNegative);
    }
  });

  it('raises the confidence of wrong labels by the largest over-confidence among covered domains', () => {
    const gap = Math.max(c.domains.ballistic.calibrationGap, c.domains.land.calibrationGap);
    expect(ai.confidence.wrong).toBeCloseTo(0.5 + gap, 12);
    expect(ai.confidence.correct).toBe(0.9);
    expect(ai.confidence.spread).toBe(1);
    // Air is not covered: its larger gap does not count.
    expect(c.domains.air.calibrationGap).toBeGreaterThan(gap);
  });

  it('is reported by scenarioCapability with the figures behind the rates', () => {
    const [report] = scenarioCapability(scenario);
    expect(report.actor).toBe('solo');
    expect(report.covered).toEqual(['ballistic', 'land']);
    expect(report.capability).toEqual(c);
    expect(report.training?.accelerators.hostOverhead).toBe(1);
    expect(report.wrongConfidence).toBe(ai.confidence.wrong);
  });

  it('answers --set like any field: more power, lower error', () => {
    const more = load(TRAINED, ['actors.solo.ai.training.power.availableMW=0.04']);
    expect(more.actors.solo.ai.falsePositive.ballistic).toBeLessThan(ai.falsePositive.ballistic);
  });

  it('resolves again to the same scenario (computed rates are not a conflict in code)', () => {
    const again = resolveScenarioObject(scenario);
    expect(again.ok && again.value).toEqual(scenario);
  });

  it('leaves a scenario without training exactly as before', () => {
    const plain = load(TRAINED.replace(/ {6}training:[\s\S]*$/, ''));
    expect(plain.actors.solo.ai.training).toBeUndefined();
    expect(plain.actors.solo.ai.falsePositive.ballistic).toBe(0.05);
    expect(plain.actors.solo.ai.confidence.wrong).toBe(0.7);
  });
});

describe('invalid training blocks: path and line', () => {
  const at = (issues: readonly Issue[]) => issues.map((i) => `${i.line}: ${i.path}: ${i.message}`);

  it('rejects a negative accelerator count', () => {
    expect(at(issuesOf(TRAINED.replace('count: 100', 'count: -5')))).toEqual([
      '10: actors.solo.ai.training.accelerators.count: Too small: expected number to be >=0 (got -5)',
    ]);
  });

  it('rejects a fractional accelerator count', () => {
    expect(at(issuesOf(TRAINED.replace('count: 100', 'count: 2.5')))[0]).toMatch(
      /^10: actors\.solo\.ai\.training\.accelerators\.count: /,
    );
  });

  it('rejects zero power and a PUE below 1', () => {
    const text = TRAINED.replace('availableMW: 0.02', 'availableMW: 0').replace(
      'pue: 1.25',
      'pue: 0.9',
    );
    expect(at(issuesOf(text))).toEqual([
      '14: actors.solo.ai.training.power.availableMW: Too small: expected number to be >0 (got 0)',
      '15: actors.solo.ai.training.power.pue: Too small: expected number to be >=1 (got 0.9)',
    ]);
  });

  it('rejects shares that do not add up to 1, at the mix', () => {
    expect(at(issuesOf(TRAINED.replace('land: 0.75', 'land: 0.7')))).toEqual([
      '19: actors.solo.ai.training.data.mix: shares must add up to 1 (they add up to 0.95)',
    ]);
  });

  it('accepts shares within the tolerance', () => {
    const thirds = TRAINED.replace(
      '            ballistic: 0.25\n            land: 0.75',
      '            ballistic: 0.333\n            air: 0.333\n            land: 0.333',
    );
    expect(() => load(thirds)).not.toThrow();
  });

  it('rejects shares out of range and a share typo', () => {
    const text = TRAINED.replace('ballistic: 0.25', 'balistic: 0.25').replace(
      'simulatedShare: 0.5',
      'simulatedShare: 1.5',
    );
    expect(at(issuesOf(text))).toEqual([
      '19: actors.solo.ai.training.data.mix: shares must add up to 1 (they add up to 0.75)',
      "20: actors.solo.ai.training.data.mix.balistic: unknown field (did you mean 'ballistic'?)",
      '22: actors.solo.ai.training.data.simulatedShare: Too big: expected number to be <=1 (got 1.5)',
    ]);
  });

  it('rejects per-domain rates next to a training block', () => {
    const text = TRAINED.replace(
      '      confidence: { correct: 0.9, spread: 1 }\n',
      '      confidence: { correct: 0.9, wrong: 0.8 }\n      falsePositive: { land: 0.01 }\n',
    );
    expect(at(issuesOf(text))).toEqual([
      '7: actors.solo.ai.confidence.wrong: computed from ai.training: give per-domain rates or a training block, not both (got 0.8)',
      '8: actors.solo.ai.falsePositive: computed from ai.training: give per-domain rates or a training block, not both',
    ]);
  });

  it('blames a --set that adds rates to a trained AI', () => {
    const issues = issuesOf(TRAINED, ['actors.solo.ai.falseNegative.land=0.2']);
    expect(issues.map((i) => [i.path, i.source])).toEqual([
      ['actors.solo.ai.falseNegative', '--set actors.solo.ai.falseNegative.land=0.2'],
    ]);
  });
});

describe(CAPABILITY, () => {
  const load = (file: string) => {
    const result = loadScenarioFile(file);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    return result.value.scenario;
  };

  it('matches the Korean baseline in everything but its name and the North’s AI (and its ranges)', () => {
    const strip = (s: ResolvedScenario) => {
      const copy = JSON.parse(JSON.stringify(s)) as {
        name?: string;
        description?: string;
        actors: { north: { ai?: unknown } };
        uncertainty: Record<string, unknown>;
        game?: unknown;
      };
      delete copy.name;
      // The delegation game is declared once, on the baseline file (it changes no model).
      delete copy.game;
      delete copy.description;
      delete copy.actors.north.ai;
      // Ranges on the North's AI differ with it: rates there, training inputs here.
      for (const key of Object.keys(copy.uncertainty)) {
        if (key.startsWith('actors.north.ai.')) delete copy.uncertainty[key];
      }
      return copy;
    };
    expect(strip(load(CAPABILITY))).toEqual(strip(load(BASELINE)));
  });

  it('gives the article’s North a power-capped cluster and its worst errors off the land domain', () => {
    const [north] = scenarioCapability(load(CAPABILITY));
    const c = north.capability;
    expect(c?.binding).toBe('power');
    expect(c?.usable).toBeLessThan(c?.requested ?? 0);
    const land = c?.domains.land.error ?? 1;
    for (const d of ['ballistic', 'air', 'naval'] as const) {
      expect(c?.domains[d].error).toBeGreaterThan(land);
    }
  });

  it('cites a source or says assumption on every numeric line of the training block', () => {
    const text = readFileSync(CAPABILITY, 'utf8');
    const block = text.slice(text.indexOf('      training:'), text.indexOf('    legacy:'));
    const numeric = block.split('\n').filter((l) => /:\s*-?\d/.test(l));
    expect(numeric.length).toBeGreaterThan(15);
    for (const line of numeric) expect(line, line).toMatch(/#.*(\[S\d+\]|assumption)/);
  });
});
