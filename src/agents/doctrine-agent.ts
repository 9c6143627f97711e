import {
  Choice,
  DecisionPoint,
  Judgment,
  Mode,
  R,
  type CompiledModel,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../engine/index.ts';

const RISE_CHOICE = [Choice.match, Choice.escalate, Choice.hold, Choice.deescalate];

/**
 * Today's doctrine and human model, the built-in agent: the one place the human's catch model
 * lives. At an alert, the AI acts at once when autonomous; otherwise a human decides in a
 * lognormal time and, when in time, sees through a wrong label with probability
 *   notice = catchProbability × min(1, window / adequateTime) × (1 − confidenceWeight × confidence),
 * acting on it with probability notice × (1 − automationBias) if the AI made the label (else
 * notice); a human too slow for the window (in the loop) or the veto window (on the loop) leaves
 * it to the doctrine default or lets the action proceed. A perceived rise gets the scenario's
 * `answer` (by the rung perceived); a long outage at or above `decapitation.minRung` is read as decapitation with
 * `misreadProbability`.
 */
export class DoctrineAgent implements DecisionMaker {
  readonly name = 'doctrine';
  readonly statesProbabilities = true;
  readonly readsRecentEvents = false;

  constructor(
    private readonly model: CompiledModel,
    private readonly actor: number,
  ) {}

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    if (o.point === DecisionPoint.alert) this.alert(o, draws, decision);
    else if (o.point === DecisionPoint.rise) {
      const rung = Math.max(0, o.perceivedRung);
      decision.choice = RISE_CHOICE[this.model.answer[this.actor * R + rung]];
      decision.reason = 'doctrine answer to a perceived rise';
    } else this.outage(o, draws, decision);
  }

  private alert(o: Observation, draws: DecisionDraws, decision: Decision): void {
    const m = this.model;
    const a = this.actor;
    if (o.mode === Mode.autonomous) {
      decision.choice = Choice.approve;
      decision.reason = 'autonomous: the AI acts on its label';
      return;
    }
    const window = o.windowMinutes;
    const allowed = o.mode === Mode.onTheLoop ? Math.min(m.vetoWindow[a], window) : window;
    const minutes = draws.time(m.decisionMedian[a], m.decisionSigma[a], allowed);
    decision.minutes = minutes;
    if (minutes > allowed) {
      decision.choice = Choice.defer;
      decision.reason = 'the human ran out of time';
      return;
    }
    const w = m.confidenceWeight[a];
    // Off by default: a confident label hiding its error is an assumption the closed forms skip.
    const notice =
      w > 0 ? catchUnbiased(m, a, window) * (1 - w * o.confidence) : catchUnbiased(m, a, window);
    const acts = o.byAi ? notice * (1 - m.automationBias[a]) : notice;
    const judgment = draws.judge(acts, notice);
    if (judgment === Judgment.actsOnIt) {
      decision.choice = Choice.veto;
      decision.reason = 'the human saw through the label';
      return;
    }
    decision.choice = Choice.approve;
    decision.deferredToMachine = judgment === Judgment.deferred;
    decision.reason = decision.deferredToMachine
      ? 'the human doubted the label but deferred to the AI'
      : 'the human found nothing wrong';
  }

  private outage(o: Observation, draws: DecisionDraws, decision: Decision): void {
    const m = this.model;
    const a = this.actor;
    decision.choice = Choice.hold;
    decision.reason = 'the outage is not read as decapitation';
    if (o.ownRung < m.decapitationMinRung[a]) return;
    if (draws.chance(m.misreadProbability[a])) {
      decision.choice = Choice.act;
      decision.reason = 'the outage is read as decapitation';
    }
  }
}

/** P(the human sees through a wrong label) before automation bias: skill under time pressure. */
function catchUnbiased(m: CompiledModel, a: number, window: number): number {
  const adequate = m.adequateTime[a];
  const pressure = adequate > 0 && window < adequate ? window / adequate : 1;
  return m.catchProbability[a] * pressure;
}
