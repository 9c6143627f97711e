import type { DecisionDraws } from './decision-draws.ts';
import type { Observation } from './observation.ts';

/** Where in a crisis a side chooses (docs/agents.md). */
export const DecisionPoint = {
  /** A hostile label passed the gates and reached the decision: act on it or not. */
  alert: 0,
  /** The side perceives the other side climb: answer it. */
  rise: 1,
  /** Leadership has been out of contact past the decapitation threshold: act or hold. */
  outage: 2,
} as const;
export const DECISION_POINTS = ['alert', 'rise', 'outage'] as const;
export type DecisionPointName = (typeof DECISION_POINTS)[number];
/** Each point in words, with its article, for messages: "an alert point". */
export const POINT_PHRASES = ['an alert point', 'a rise point', 'an outage point'] as const;

/** The closed set of decisions; each point allows some of them (`LEGAL_CHOICES`). */
export const Choice = {
  /** Alert: act on the warning (respond at the doctrine's response rung). */
  approve: 0,
  /** Alert: do not act. */
  veto: 1,
  /** Alert: let the doctrine default act (launch on warning, under attack, or ride out). */
  defer: 2,
  /** Rise: climb to the rung perceived. */
  match: 3,
  /** Rise: climb one rung above it. */
  escalate: 4,
  /** Rise or outage: do nothing. */
  hold: 5,
  /** Rise: step down one rung (de-escalate). */
  deescalate: 6,
  /** Outage: read it as decapitation and act on it. */
  act: 7,
} as const;
export const CHOICE_NAMES = [
  'approve',
  'veto',
  'defer',
  'match',
  'escalate',
  'hold',
  'deescalate',
  'act',
] as const;
export type ChoiceName = (typeof CHOICE_NAMES)[number];

/** Legal choices at each decision point, in the order `DecisionDraws.pick` takes probabilities. */
export const LEGAL_CHOICES: readonly (readonly number[])[] = [
  [Choice.approve, Choice.veto, Choice.defer],
  [Choice.match, Choice.escalate, Choice.hold, Choice.deescalate],
  [Choice.act, Choice.hold],
];

/** Bit c of LEGAL_MASK[point] is set when choice c is legal there (a check without a search). */
export const LEGAL_MASK: readonly number[] = LEGAL_CHOICES.map((choices) =>
  choices.reduce((mask, c) => mask | (1 << c), 0),
);

/**
 * What a decision-maker answers, written into an engine-owned object so the loop allocates
 * nothing. The engine resets it before each question.
 */
export interface Decision {
  /** A `Choice`, legal at the point asked. */
  choice: number;
  /**
   * Minutes the decision took, from the moment the alert reached the decision (alerts only; 0
   * elsewhere). A decision that takes longer than the window is too late: the doctrine default
   * acts (in the loop) or the action proceeds (on the loop).
   */
  minutes: number;
  /** Approved although the side's own judgment flagged the label: automation bias (counted). */
  deferredToMachine: boolean;
  /** A short reason, for traces and recordings. */
  reason: string;
}

/**
 * The decision port: every choice a side makes in a crisis goes through one of these. It sees an
 * Observation (what the side knows, never the ground truth) and draws any randomness it needs
 * from `draws`, which keeps common random numbers and importance sampling working.
 */
export interface DecisionMaker {
  /** The agent's kind, as scenarios name it (e.g. `doctrine`). */
  readonly name: string;
  /**
   * True when every random choice goes through `draws` with its probability stated (so
   * importance sampling can weigh it); false for agents that simply decide (a person, a model).
   */
  readonly statesProbabilities: boolean;
  /**
   * False when the agent never reads the recent events of its observation (`recentCount` and the
   * rest), so the engine need not log them for its side: they stay empty. Default true.
   */
  readonly readsRecentEvents?: boolean;
  /** Answers the question in `observation` by filling `decision`; must not keep `observation`. */
  decide(observation: Observation, draws: DecisionDraws, decision: Decision): void;
}

/** A decision-maker broke the port's contract (an illegal choice, a negative time). */
export class AgentError extends Error {}
AgentError.prototype.name = 'AgentError';
