import {
  AgentError,
  compileModel,
  type CompiledModel,
  type DecisionMaker,
} from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import { DoctrineAgent } from './doctrine-agent.ts';
import { PolicyAgent } from './policy-agent.ts';
import { ScriptedAgent } from './scripted-agent.ts';

/**
 * The decision-makers a scenario names, one per actor in the model's order
 * (`actors.<id>.agent`; the doctrine agent by default). A language model cannot answer inside
 * the loop: its side needs `petrov agents policy` or `petrov agents episode`.
 */
export function agentsFor(
  scenario: ResolvedScenario,
  model: CompiledModel = compileModel(scenario),
): DecisionMaker[] {
  return model.actorIds.map((id, a) => {
    const doctrine = new DoctrineAgent(model, a);
    const config = scenario.actors[id].agent;
    if (config.type === 'scripted') return new ScriptedAgent(config, doctrine);
    if (config.type === 'policy') return new PolicyAgent(config);
    if (config.type === 'llm') return waitsForModel(id);
    return doctrine;
  });
}

/** Stands for a language model inside the synchronous loop, which cannot wait for it: asked, it says how to run it. */
function waitsForModel(id: string): DecisionMaker {
  return {
    name: 'llm',
    statesProbabilities: false,
    decide() {
      throw new AgentError(
        `${id}'s agent is a language model, which cannot answer inside a Monte Carlo run: use \`petrov agents policy\` (the Monte Carlo over its elicited policy) or \`petrov agents episode\` (trials asked at every decision)`,
      );
    },
  };
}
