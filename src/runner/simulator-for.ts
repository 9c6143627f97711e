import { agentsFor } from '../agents/index.ts';
import {
  compileModel,
  Simulator,
  type CompiledModel,
  type SimulatorLimits,
  type Tilt,
} from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';

/**
 * A simulator of a scenario with the decision-makers it names: the one place agents meet the
 * engine for Monte Carlo runs.
 */
export function simulatorFor(
  scenario: ResolvedScenario,
  tilt: Tilt | null = null,
  model: CompiledModel = compileModel(scenario),
  /** Caps on events per trial and per trace; default the engine's. */
  limits: SimulatorLimits = {},
): Simulator {
  return new Simulator(model, agentsFor(scenario, model), tilt, limits);
}
