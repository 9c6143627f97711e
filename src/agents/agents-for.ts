import { compileModel, type CompiledModel, type DecisionMaker } from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import { DoctrineAgent } from './doctrine-agent.ts';
import { ScriptedAgent } from './scripted-agent.ts';

/**
 * The decision-makers a scenario names, one per actor in the model's order
 * (`actors.<id>.agent`; the doctrine agent by default).
 */
export function agentsFor(
  scenario: ResolvedScenario,
  model: CompiledModel = compileModel(scenario),
): DecisionMaker[] {
  return model.actorIds.map((id, a) => {
    const doctrine = new DoctrineAgent(model, a);
    const config = scenario.actors[id].agent;
    return config.type === 'scripted' ? new ScriptedAgent(config, doctrine) : doctrine;
  });
}
