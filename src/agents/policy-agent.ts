import {
  AgentError,
  POINT_PHRASES,
  snapshotObservation,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
  type ObservationSnapshot,
} from '../engine/index.ts';
import type { PolicyConfig } from '../scenario/index.ts';
import { situationKey, situationOf, type Situation } from './situation.ts';

/** The policy has no entry for a situation the run met: elicit it, never guess. */
export class UnelicitedSituationError extends AgentError {
  constructor(
    readonly key: string,
    readonly situation: Situation,
    readonly observation: ObservationSnapshot,
  ) {
    super(`situation ${key} (${POINT_PHRASES[situation.point]}) is not in the elicited policy`);
  }
}
UnelicitedSituationError.prototype.name = 'UnelicitedSituationError';

/**
 * A model's choices as elicited once per situation band (policy mode, docs/llm-agents.md): each
 * decision is drawn from the table's probabilities, stated, so importance sampling and compare
 * work on it. A situation the table lacks throws `UnelicitedSituationError`.
 */
export class PolicyAgent implements DecisionMaker {
  readonly name = 'policy';
  readonly statesProbabilities = true;
  private readonly table = new Map<string, { p: Float64Array; reason: string }>();
  /** The situation key of the last decision (policy mode's sweep counts visits by it). */
  lastKey = '';

  constructor(
    config: PolicyConfig,
    /** The model's stated reason per situation key, shown in traces; default the key alone. */
    reasons: Readonly<Record<string, string>> = {},
  ) {
    for (const [key, ps] of Object.entries(config.situations)) {
      const reason = reasons[key] ?? '';
      this.table.set(key, {
        p: Float64Array.from(ps),
        reason: reason === '' ? `elicited policy, ${key}` : `${reason} (elicited policy, ${key})`,
      });
    }
  }

  /** Adds or replaces a situation's probabilities (policy mode fills the table as it goes). */
  set(key: string, probabilities: readonly number[]): void {
    this.table.set(key, { p: Float64Array.from(probabilities), reason: `elicited policy, ${key}` });
  }

  get size(): number {
    return this.table.size;
  }

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    const situation = situationOf(o);
    const key = situationKey(situation);
    this.lastKey = key;
    const entry = this.table.get(key);
    if (entry === undefined) {
      throw new UnelicitedSituationError(key, situation, snapshotObservation(o));
    }
    decision.choice = draws.pick(entry.p);
    decision.reason = entry.reason;
  }
}
