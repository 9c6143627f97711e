import {
  AgentError,
  CHOICE_NAMES,
  DECISION_POINTS,
  POINT_PHRASES,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../engine/index.ts';
import type { RecordedDecision } from './decision-recording.ts';

/** The recorded trial differs from the one being replayed. */
export class ReplayMismatchError extends AgentError {}
ReplayMismatchError.prototype.name = 'ReplayMismatchError';

/** A cursor over one trial's recorded decisions, shared by the replay agents of its actors. */
export class ReplayScript {
  private next = 0;

  constructor(readonly decisions: readonly RecordedDecision[]) {}

  /** The recorded answer to this question, or a ReplayMismatchError saying where they part. */
  take(actorId: string, o: Observation): RecordedDecision {
    const i = this.next;
    const point = DECISION_POINTS[o.point];
    const r = this.decisions[i] as RecordedDecision | undefined;
    const asked = `${actorId} at ${POINT_PHRASES[o.point]} at minute ${o.minute}`;
    if (r === undefined) {
      throw new ReplayMismatchError(
        `decision ${i + 1} (${asked}) is not in the recording, which has ${this.decisions.length}`,
      );
    }
    if (r.actor !== actorId || r.point !== point || r.minute !== o.minute) {
      throw new ReplayMismatchError(
        `decision ${i + 1} was asked of ${asked}, but the recording has ${r.actor} at ${POINT_PHRASES[DECISION_POINTS.indexOf(r.point)]} at minute ${r.minute}`,
      );
    }
    this.next++;
    return r;
  }

  /** Starts over from the first decision (the same trial replayed again). */
  rewind(): void {
    this.next = 0;
  }

  /** Whether every recorded decision was asked. */
  get finished(): boolean {
    return this.next === this.decisions.length;
  }

  get position(): number {
    return this.next;
  }
}

/**
 * Plays back the recorded decisions of a trial (a tabletop session, a language model's run) for
 * one actor, refusing a trial whose decision points differ from the recording. It states no
 * probabilities: it only knows what was chosen.
 */
export class ReplayAgent implements DecisionMaker {
  readonly name = 'replay';
  readonly statesProbabilities = false;

  constructor(
    private readonly script: ReplayScript,
    private readonly actorId: string,
  ) {}

  decide(o: Observation, _draws: DecisionDraws, decision: Decision): void {
    const r = this.script.take(this.actorId, o);
    decision.choice = CHOICE_NAMES.indexOf(r.choice);
    decision.minutes = r.minutes;
    decision.deferredToMachine = r.deferredToMachine;
    decision.reason = r.reason;
  }
}
