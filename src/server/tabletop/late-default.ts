import {
  CHOICE_NAMES,
  compileModel,
  DecisionPoint,
  DoctrineAgent,
  type Decision,
  type DecisionDraws,
  type LoadedScenario,
  type Observation,
  type ObservationSnapshot,
  type WaitingAnswer,
} from '../../index.ts';

/** The port's Observation over a detached snapshot (what the doctrine agent reads). */
class SnapshotObservation implements Observation {
  readonly point: number;
  readonly actor: number;
  readonly minute: number;
  readonly mode: number;
  readonly ownRung: number;
  readonly perceivedRung: number;
  readonly domain: number;
  readonly byAi: boolean;
  readonly confidence: number;
  readonly confirmed: number;
  readonly windowMinutes: number;
  readonly responseRung: number;
  readonly linkUp: boolean;
  readonly outageMinutes: number;
  readonly recentCount: number;

  constructor(private readonly s: ObservationSnapshot) {
    ({
      point: this.point,
      actor: this.actor,
      minute: this.minute,
      mode: this.mode,
      ownRung: this.ownRung,
      perceivedRung: this.perceivedRung,
      domain: this.domain,
      byAi: this.byAi,
      confidence: this.confidence,
      confirmed: this.confirmed,
      windowMinutes: this.windowMinutes,
      responseRung: this.responseRung,
      linkUp: this.linkUp,
      outageMinutes: this.outageMinutes,
    } = s);
    this.recentCount = s.recent.length;
  }
  recentKind(i: number): number {
    return this.s.recent[i].kind;
  }
  recentMinute(i: number): number {
    return this.s.recent[i].minute;
  }
  recentValue(i: number): number {
    return this.s.recent[i].value;
  }
}

/** The doctrine's answer to a rise draws nothing: any draw here is a bug, not a default. */
const NO_DRAWS: DecisionDraws = {
  time: () => {
    throw new Error('a late default drew a time');
  },
  judge: () => {
    throw new Error('a late default drew a judgment');
  },
  chance: () => {
    throw new Error('a late default drew a chance');
  },
  pick: () => {
    throw new Error('a late default drew a pick');
  },
};

/**
 * What stands for a person who did not decide in time, as in the model: at an alert a deferral
 * once the whole window has passed, which the engine carries out as the doctrine default (launch
 * on warning, under attack, or ride out); at a perceived rise the doctrine's answer to the rung
 * perceived; at an outage no order, so nothing is done (hold).
 */
export function lateDefault(loaded: LoadedScenario, o: ObservationSnapshot): WaitingAnswer {
  if (o.point === DecisionPoint.alert) {
    return {
      choice: 'defer',
      minutes: o.windowMinutes,
      reason: 'late: no decision within the window, so the doctrine default acts',
    };
  }
  if (o.point === DecisionPoint.outage) {
    return { choice: 'hold', reason: 'late: no decision, so no order was given' };
  }
  const model = compileModel(loaded.scenario);
  const decision: Decision = { choice: -1, minutes: 0, deferredToMachine: false, reason: '' };
  new DoctrineAgent(model, o.actor).decide(new SnapshotObservation(o), NO_DRAWS, decision);
  return {
    choice: CHOICE_NAMES[decision.choice],
    reason: `late: no decision, so the doctrine's answer (${decision.reason})`,
  };
}
