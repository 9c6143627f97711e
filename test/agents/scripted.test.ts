/**
 * The scripted agent: a doctrine stated as tables. Against the closed form on the analytic
 * scenario (a scripted side that approves every hostile label with probability a gives
 * P(use) = 1 − exp(−l f a T)), under plain and importance sampling; the contract; the bundled
 * scripted Korean scenario end to end through run, compare, pathways and trace; and the errors a
 * table can make.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agentsFor } from '../../src/agents/index.ts';
import { wilson } from '../../src/estimate/index.ts';
import { simulate } from '../../src/runner/index.ts';
import {
  loadScenarioFile,
  loadScenarioText,
  type LoadedScenario,
} from '../../src/scenario/index.ts';
import { agentContract } from '../helpers/agent-contract.ts';
import { cli } from '../helpers/cli.ts';
import { covers, describeCheck, Z999 } from '../helpers/scenario.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ANALYTIC = readFileSync(here('../../scenarios/analytic-single-sensor.yaml'), 'utf8');
const SCRIPTED_KOREA = here('../../scenarios/korean-peninsula-2026-scripted.yaml');

/** The analytic scenario with its human replaced by a table that approves with probability a. */
function analyticScripted(a: number): string {
  const marker = '    responses: { ballistic: limited_nuclear_use }\n';
  expect(ANALYTIC).toContain(marker);
  return ANALYTIC.replace(
    marker,
    `${marker}    agent:\n      type: scripted\n      alert:\n        - approve: ${a}\n          veto: ${1 - a}\n`,
  );
}

function loadText(text: string, sets: string[] = []): LoadedScenario {
  const r = loadScenarioText(text, { sets });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function loadFile(file: string): LoadedScenario {
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const [l, f, T] = [2, 0.05, 30];
const closedForm = (a: number) => -Math.expm1(-l * f * a * T);

describe('scripted agent against the closed form 1 − exp(−l f a T)', () => {
  for (const a of [0.3, 0.02]) {
    it(`a = ${a}: plain Monte Carlo`, async () => {
      const result = await simulate(loadText(analyticScripted(a)), { runs: 40_000, seed: 3 });
      const n = result.runs;
      const k = Math.round(result.outcomes.nuclearUse.p * n);
      const ci = wilson(k, n, Z999);
      expect(covers(ci, closedForm(a)), describeCheck(k, n, ci, closedForm(a))).toBe(true);
    });
  }

  it('a = 1e-4 under importance sampling: the stated pick is tilted and weighed exactly', async () => {
    const a = 1e-4;
    const result = await simulate(loadText(analyticScripted(a)), {
      runs: 40_000,
      seed: 4,
      method: 'is',
    });
    expect(result.method).toBe('importance');
    const { p, stderr } = result.outcomes.nuclearUse;
    const exact = closedForm(a);
    expect(Math.abs(p - exact), `${p} ± ${stderr} vs ${exact}`).toBeLessThan(Z999 * stderr);
    expect(stderr / p).toBeLessThan(0.2);
  });
});

agentContract('scripted', (loaded, model) => agentsFor(loaded.scenario, model), [
  loadFile(SCRIPTED_KOREA),
]);

describe('a scenario with a scripted side, end to end', () => {
  it('runs, compares, finds pathways and traces', async () => {
    const run = await cli('run', SCRIPTED_KOREA, '--runs', '4000', '--json', '--no-store');
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out) as {
      outcomes: { nuclearUse: { p: number } };
      examples: { trial: number }[];
    };
    expect(result.outcomes.nuclearUse.p).toBeGreaterThan(0);
    expect(result.examples.length).toBeGreaterThan(0);

    const compare = await cli(
      'compare',
      SCRIPTED_KOREA,
      '--all',
      '--runs',
      '2000',
      '--json',
      '--no-store',
    );
    expect(compare.code, compare.err).toBe(0);
    expect((JSON.parse(compare.out) as { variants: unknown[] }).variants.length).toBeGreaterThan(3);

    const pathways = await cli('pathways', SCRIPTED_KOREA, '--runs', '4000', '--json');
    expect(pathways.code, pathways.err).toBe(0);
    expect((JSON.parse(pathways.out) as { pathways: unknown[] }).pathways.length).toBeGreaterThan(
      0,
    );

    const trial = String(result.examples[0].trial);
    const trace = await cli('trace', SCRIPTED_KOREA, '--trial', trial, '--json');
    expect(trace.code, trace.err).toBe(0);
    const t = JSON.parse(trace.out) as { nuclearUse: boolean; events: { kind: string }[] };
    expect(t.nuclearUse).toBe(true);
    expect(t.events.some((e) => e.kind === 'decision' || e.kind === 'perceived')).toBe(true);
  });

  it('a scripted side changes the answer: its table, not the human model, decides', async () => {
    const never = loadText(analyticScripted(0));
    expect((await simulate(never, { runs: 5000 })).outcomes.nuclearUse.p).toBe(0);
    const always = loadText(analyticScripted(1));
    expect((await simulate(always, { runs: 5000 })).outcomes.nuclearUse.p).toBeGreaterThan(0.9);
  });
});

describe('scripted tables that cannot be used are rejected naming the field and line', () => {
  const rejected = (text: string) => {
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.issues.map((i) => `${i.line}:${i.column}: ${i.path}: ${i.message}`);
  };

  it('probabilities not summing to 1', () => {
    const text = analyticScripted(0.5).replace('veto: 0.5', 'veto: 0.4');
    expect(rejected(text)).toEqual([
      '34:11: actors.solo.agent.alert.0: approve + veto + defer must sum to 1, not 0.9',
    ]);
  });

  it('an unknown agent', () => {
    const text = analyticScripted(0.5).replace('type: scripted', 'type: oracle');
    expect(rejected(text)).toEqual([
      '32:7: actors.solo.agent.type: unknown agent type: expected one of doctrine, scripted, llm, policy',
    ]);
  });

  it('an unknown choice, and a band upside down', () => {
    const text = analyticScripted(0.5).replace(
      '        - approve: 0.5\n',
      '        - when: { confidence: [0.9, 0.2] }\n          launch: 0.5\n          approve: 0.5\n',
    );
    const issues = rejected(text);
    expect(issues.some((i) => i.includes('actors.solo.agent.alert.0.launch'))).toBe(true);
    expect(issues.some((i) => i.includes('actors.solo.agent.alert.0.when.confidence'))).toBe(true);
  });

  it('the CLI exits 2 with the message', async () => {
    const r = await cli('validate', '--set', 'actors.north.agent.type=oracle', SCRIPTED_KOREA);
    expect(r.code).toBe(2);
    expect(r.err + r.out).toMatch(/actors\.north\.agent\.type: unknown agent type/);
  });
});
