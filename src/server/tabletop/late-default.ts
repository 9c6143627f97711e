import {
  CHOICE_NAMES,
  compileModel,
  DecisionPoint,
  DoctrineAgent,
  observationOf,
  type Decision,
  type DecisionDraws,
  type LoadedScenario,
  type ObservationSnapshot,
  type WaitingAnswer,
} from '../../index.ts';

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
  new DoctrineAgent(model, o.actor).decide(observationOf(o), NO_DRAWS, decision);
  return {
    choice: CHOICE_NAMES[decision.choice],
    reason: `late: no decision, so the doctrine's answer (${decision.reason})`,
  };
}
