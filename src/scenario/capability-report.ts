import type { Capability } from '../capability/index.ts';
import type { DeepReadonly } from '../util/index.ts';
import { trainingCapability } from './apply-training.ts';
import type { ResolvedScenario } from './resolve.ts';
import type { TrainingOutput } from './training-schema.ts';
import { DOMAINS, type Domain } from './vocabulary.ts';

/** What M6 says about one actor's AI, or the rates it was given directly. */
export interface ActorCapability {
  readonly actor: string;
  readonly label: string | null;
  /** Domains the AI classifies; the legacy chain labels the others. */
  readonly covered: readonly Domain[];
  /** M6's figures when the AI has a training block; null when its rates are given directly. */
  readonly capability: Capability<Domain> | null;
  /** The training block as resolved (defaults applied); null when rates are given directly. */
  readonly training: DeepReadonly<TrainingOutput> | null;
  /** What the engine uses, computed or given. */
  readonly falsePositive: Readonly<Record<Domain, number>>;
  readonly falseNegative: Readonly<Record<Domain, number>>;
  readonly wrongConfidence: number;
}

/** M6 for every actor of a resolved scenario, for `petrov capability` and reports. */
export function scenarioCapability(scenario: ResolvedScenario): ActorCapability[] {
  return Object.entries(scenario.actors).map(([actor, a]) => {
    const training = a.ai.training;
    return {
      actor,
      label: a.label ?? null,
      covered: DOMAINS.filter((d) => a.ai.domains.includes(d)),
      capability: training === undefined ? null : trainingCapability(training),
      training: training ?? null,
      falsePositive: a.ai.falsePositive,
      falseNegative: a.ai.falseNegative,
      wrongConfidence: a.ai.confidence.wrong,
    };
  });
}
