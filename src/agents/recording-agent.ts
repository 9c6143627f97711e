import {
  CHOICE_NAMES,
  DECISION_POINTS,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../engine/index.ts';
import type { RecordedDecision } from './decision-recording.ts';

/** Wraps a decision-maker and appends each of its decisions to `log` (shared by both actors). */
export class RecordingAgent implements DecisionMaker {
  readonly name: string;
  readonly statesProbabilities: boolean;
  readonly readsRecentEvents: boolean;

  constructor(
    private readonly inner: DecisionMaker,
    private readonly actorId: string,
    private readonly log: RecordedDecision[],
  ) {
    this.name = inner.name;
    this.statesProbabilities = inner.statesProbabilities;
    this.readsRecentEvents = inner.readsRecentEvents !== false;
  }

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    this.inner.decide(o, draws, decision);
    this.log.push({
      point: DECISION_POINTS[o.point],
      actor: this.actorId,
      minute: o.minute,
      choice: CHOICE_NAMES[decision.choice],
      minutes: decision.minutes,
      deferredToMachine: decision.deferredToMachine,
      reason: decision.reason,
    });
  }
}
