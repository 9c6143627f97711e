import { CAUSES, type Cause } from '../scenario/index.ts';

/** Numeric codes the hot loop uses instead of strings; the trace formatter turns them into words. */

/** Originating event of a causal chain (M7). */
export const Origin = {
  none: 0,
  sensorFalseAlarm: 1,
  misclassifiedBenign: 2,
  genuineIncident: 3,
  decapitationMisread: 4,
  deliberate: 5,
  disarmingStrike: 6,
} as const;
export const ORIGIN_COUNT = 7;
export const ORIGIN_NAMES = [
  'none',
  'sensor false alarm',
  'misclassified benign activity',
  'genuine incident',
  'decapitation misread',
  'deliberate escalation',
  'disarming strike',
] as const;

/** Reported cause index (see CAUSES in the vocabulary) for each origin; -1 for none. */
export const CAUSE_OF_ORIGIN: readonly number[] = [-1, 0, 0, 2, 1, 3, 3];

/** The reported cause of a chain with this origin (an origin of none never ends in use). */
export function causeOf(origin: number): Cause {
  return CAUSES[Math.max(0, CAUSE_OF_ORIGIN[origin])];
}

/** Per-trial counters that explain a result. */
export const COUNT_NAMES = [
  'tracks',
  'hostileLabels',
  'falseHostileLabels',
  'belowThreshold',
  'confirmationRejections',
  'hotlineClarifications',
  'falseAlarmsReachingDecision',
  'humanOverrides',
  'automationBiasDeferrals',
  'doctrineDefaults',
  'genuineMissed',
  'outages',
  'decapitationMisreads',
  'perceivedRises',
  'deliberateSteps',
  'unansweredAttacks',
  'blockedOrders',
  'blockedVetoes',
  'events',
] as const;
export type CountName = (typeof COUNT_NAMES)[number];
export const Count = Object.fromEntries(COUNT_NAMES.map((n, i) => [n, i])) as {
  readonly [K in CountName]: number;
};
export const COUNT_DESCRIPTIONS: Readonly<Record<CountName, string>> = {
  tracks: 'tracks observed',
  hostileLabels: 'tracks labelled hostile',
  falseHostileLabels: 'benign tracks or false alarms labelled hostile',
  belowThreshold: 'hostile labels below the confidence threshold',
  confirmationRejections: 'hostile labels not confirmed by a second phenomenology',
  hotlineClarifications: 'wrong hostile labels exposed by a hotline call',
  falseAlarmsReachingDecision: 'false alarms reaching a decision',
  humanOverrides: 'human overrides of a wrong hostile label',
  automationBiasDeferrals: 'automation-bias deferrals (would have caught it without the AI)',
  doctrineDefaults: 'decisions left to the doctrine default (time ran out or deferred)',
  genuineMissed: 'genuine hostile tracks labelled benign',
  outages: 'comms outages',
  decapitationMisreads: 'outages read as decapitation',
  perceivedRises: 'rises of the other side perceived',
  deliberateSteps: 'deliberate escalation steps',
  unansweredAttacks: 'genuine attacks that met no response before impact',
  blockedOrders: 'approvals that could not reach the forces (link down)',
  blockedVetoes: 'vetoes that could not reach the forces (link down)',
  events: 'events simulated',
};

/**
 * Per-trial outcomes beside the first nuclear use (0 or 1 each): the other side of the always/never
 * dilemma (a genuine attack that met no response before impact), and what followed a first use.
 */
export const FLAG_NAMES = [
  'unansweredAttack',
  'generalWar',
  'retaliation',
  'disarmingStrike',
  'strikeRetaliated',
] as const;
export type FlagName = (typeof FLAG_NAMES)[number];
export const Flag = Object.fromEntries(FLAG_NAMES.map((n, i) => [n, i])) as {
  readonly [K in FlagName]: number;
};
export const FLAG_DESCRIPTIONS: Readonly<Record<FlagName, string>> = {
  unansweredAttack: 'a genuine attack met no response before impact',
  generalWar: 'general nuclear war',
  retaliation: 'the other side used nuclear weapons after the first use',
  disarmingStrike: 'a declared disarming strike was launched',
  strikeRetaliated: 'the target of a disarming strike used nuclear weapons after it',
};

/** Scheduled (deterministic-time) events in the queue. */
export const Scheduled = {
  response: 0,
  perception: 1,
  outageEnd: 2,
  outageLong: 3,
  /** The other side's step down reaches the observer. */
  perceptionDown: 4,
  /** A declared disarming strike is launched (actor: the attacker). */
  strike: 5,
  /** It lands on its target (actor: the target), cutting the leadership link. */
  strikeImpact: 6,
  /** The target's forces have been cut off for the decapitation threshold. */
  strikeCut: 7,
} as const;

/** Event kinds a trace recorder receives. */
export const TraceKind = {
  track: 0,
  labelBenign: 1,
  labelHostile: 2,
  belowThreshold: 3,
  confirmation: 4,
  decision: 5,
  rungChange: 6,
  perceived: 7,
  outageStart: 8,
  outageEnd: 9,
  decapitationMisread: 10,
  nuclearUse: 11,
  responseMoot: 12,
  horizon: 13,
  hotlineClarified: 14,
  /** A genuine attack met no response before impact (x: domain). */
  unanswered: 15,
  /** An order or veto could not reach the forces (x: 1 order, 0 veto). */
  blocked: 16,
  /** The other side's step down was perceived (x: the rung seen). */
  perceivedDown: 17,
  /** Launch under attack's confirmation step (x: 1 confirmed, 0 not). */
  attackConfirmation: 18,
  /** A disarming strike is launched (x: the target; y: 1 if moot after a first use). */
  strike: 19,
  /** It lands: the target's leadership link is cut (x: 1 if a successor command survives). */
  strikeImpact: 20,
  /** Forces cut off by a strike act on pre-delegated authority (x: 1) or have none (x: 0). */
  decapitation: 21,
} as const;

/** How a decision ended (argument of TraceKind.decision). */
export const DecisionOutcome = {
  autonomous: 0,
  approved: 1,
  override: 2,
  biasDeferral: 3,
  timeoutAct: 4,
  timeoutHold: 5,
  vetoWindowLapsed: 6,
  veto: 7,
} as const;
