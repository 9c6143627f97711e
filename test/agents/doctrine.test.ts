/**
 * The doctrine agent, the default: today's rules and human model. The golden file
 * (test/golden.test.ts) proves it bit-identical to the engine before the port; here it passes
 * the contract every agent passes, on both bundled Korean scenarios and the analytic one.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agentsFor, DoctrineAgent } from '../../src/agents/index.ts';
import { compileModel } from '../../src/engine/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/index.ts';
import { agentContract } from '../helpers/agent-contract.ts';
import { duo } from '../helpers/scenario.ts';

const file = (name: string): LoadedScenario => {
  const r = loadScenarioFile(fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

agentContract('doctrine', (loaded, model) => agentsFor(loaded.scenario, model), [
  file('korean-peninsula-2026.yaml'),
  file('korean-peninsula-2026-capability.yaml'),
]);

describe('the doctrine agent is the default', () => {
  it('for every actor of a scenario that names no agent', () => {
    const scenario = duo({}, {}, 1);
    const agents = agentsFor(scenario, compileModel(scenario));
    expect(agents).toHaveLength(2);
    for (const a of agents) {
      expect(a).toBeInstanceOf(DoctrineAgent);
      expect(a.statesProbabilities).toBe(true);
    }
  });
});
