import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  agentsFor,
  legalNames,
  PolicyAgent,
  UnelicitedSituationError,
} from '../../src/agents/index.ts';
import { compileModel, Simulator } from '../../src/engine/index.ts';
import { agentSchema, type LoadedScenario, type PolicyConfig } from '../../src/scenario/index.ts';
import { agentContract } from '../helpers/agent-contract.ts';
import { loadBundled } from '../helpers/scenario.ts';

const KOREA = loadBundled('korean-peninsula-2026.yaml');

/** Probabilities for a situation drawn from a hash of its key: a table no one wrote by hand. */
function hashedRow(key: string, n: number): number[] {
  const d = createHash('sha256').update(key).digest();
  const w = Array.from({ length: n }, (_, i) => 1 + d[i]);
  const total = w.reduce((a, b) => a + b, 0);
  const row = w.map((x) => x / total);
  row[n - 1] = 1 - row.slice(0, n - 1).reduce((a, b) => a + b, 0);
  return row;
}

/** Sweeps trials with a policy for `actor`, adding a hashed row for each situation met. */
function sweptPolicy(
  loaded: LoadedScenario,
  actor: string,
  seed: number,
  trials: number,
): PolicyConfig {
  const model = compileModel(loaded.scenario);
  const policy = new PolicyAgent({ type: 'policy', source: '', situations: {} });
  const situations: Record<string, number[]> = {};
  const agents = agentsFor(loaded.scenario, model);
  agents[model.actorIds.indexOf(actor)] = policy;
  const sim = new Simulator(model, agents);
  for (let t = 0; t < trials; t++) {
    for (;;) {
      try {
        sim.run(seed, t);
        break;
      } catch (error) {
        if (!(error instanceof UnelicitedSituationError)) throw error;
        situations[error.key] = hashedRow(error.key, legalNames(error.situation.point).length);
        policy.set(error.key, situations[error.key]);
      }
    }
  }
  return agentSchema.parse({ type: 'policy', source: 'test', situations }) as PolicyConfig;
}

const TABLE = sweptPolicy(KOREA, 'north', 7, 300);

agentContract(
  'policy',
  (loaded, model) => {
    const agents = agentsFor(loaded.scenario, model);
    agents[model.actorIds.indexOf('north')] = new PolicyAgent(TABLE);
    return agents;
  },
  [KOREA],
);

describe('the policy agent', () => {
  it('refuses a situation its table lacks, naming it, instead of guessing', () => {
    const model = compileModel(KOREA.scenario);
    const agents = agentsFor(KOREA.scenario, model);
    agents[0] = new PolicyAgent({ type: 'policy', source: '', situations: {} });
    const sim = new Simulator(model, agents);
    let thrown: unknown;
    for (let t = 0; t < 50 && thrown === undefined; t++) {
      try {
        sim.run(7, t);
      } catch (error) {
        thrown = error;
      }
    }
    expect(thrown).toBeInstanceOf(UnelicitedSituationError);
    expect(String(thrown)).toMatch(
      /situation (alert|rise|outage)\/.* is not in the elicited policy/,
    );
  });

  it('rejects a table row that does not fit its point', () => {
    const r = agentSchema.safeParse({
      type: 'policy',
      situations: { 'rise/-/-/-/own1/per2/up': [0.5, 0.5] },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(
      /expected 4 probabilities \(match, escalate, hold, deescalate\)/,
    );
  });
});
