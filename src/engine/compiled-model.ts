import {
  AUTHORITY_MODES,
  ANSWERS,
  DOMAINS,
  RUNGS,
  TIMEOUT_DEFAULTS,
  TRACK_KINDS,
  type Answer,
  type ResolvedScenario,
} from '../scenario/index.ts';

const MINUTES_PER_DAY = 1440;
export const D = DOMAINS.length;
export const K = TRACK_KINDS.length;
export const R = RUNGS.length;
/** Superposed Poisson processes per actor: D*K track processes, then outage start, decay, intent. */
export const PROCESSES_PER_ACTOR = D * K + 3;
export const P_OUTAGE = D * K;
export const P_DECAY = D * K + 1;
export const P_INTENT = D * K + 2;

/**
 * A resolved scenario flattened into typed arrays, once per run: the event loop reads only these.
 * Rates are per minute. Index conventions: actor a, domain d, kind k -> [a*D*K + d*K + k];
 * actor-domain -> [a*D + d]; rung r -> [r].
 */
export interface CompiledModel {
  readonly actorIds: readonly string[];
  readonly actorCount: number;
  readonly horizon: number;
  readonly initialRung: Int32Array;
  readonly trackRate: Float64Array;
  readonly trackRungMultiplier: Float64Array;
  readonly usesAi: Uint8Array;
  readonly falsePositive: Float64Array;
  readonly falseNegative: Float64Array;
  readonly logitCorrect: Float64Array;
  readonly logitWrong: Float64Array;
  readonly confidenceSpread: Float64Array;
  /** The confidence at each centre, the sigmoid of `logitCorrect` and `logitWrong`: what a label reports without spread. */
  readonly centreConfidenceCorrect: Float64Array;
  readonly centreConfidenceWrong: Float64Array;
  readonly confidenceThreshold: Float64Array;
  /** Coincident hostile labels: the window (minutes; 0 off), log-odds boost and response steps. */
  readonly coincidenceWindow: Float64Array;
  readonly coincidenceBoost: Float64Array;
  readonly coincidenceSteps: Int32Array;
  readonly confirms: Uint8Array;
  readonly confirmFalsePositive: Float64Array;
  readonly confirmFalseNegative: Float64Array;
  readonly confirmCommonCause: Float64Array;
  /** Minutes from track arrival to the decision point (latencies plus confirmation). */
  readonly processingDelay: Float64Array;
  /** Decision window: time to impact less processing delay, floored at the doctrine's minimum. */
  readonly window: Float64Array;
  /** Minutes from a track's arrival to the impact of the threat it shows. */
  readonly timeToImpact: Float64Array;
  readonly mode: Int32Array;
  readonly vetoWindow: Float64Array;
  readonly timeoutDefault: Int32Array;
  readonly catchProbability: Float64Array;
  readonly automationBias: Float64Array;
  readonly confidenceWeight: Float64Array;
  readonly adequateTime: Float64Array;
  readonly decisionMedian: Float64Array;
  readonly decisionSigma: Float64Array;
  readonly responseRung: Int32Array;
  /** The answer code (AnswerCode) to a rise perceived at rung r: [a * R + r]. */
  readonly answer: Int32Array;
  readonly maxAnswerRung: Int32Array;
  /** Per actor and rung changed to: [a * R + r]. */
  readonly perceiveProbability: Float64Array;
  readonly perceiveMeanDelay: Float64Array;
  /** Launch under attack: a confirmation step (else impact alone confirms), its errors and delay. */
  readonly attackConfirms: Uint8Array;
  readonly attackConfirmFalsePositive: Float64Array;
  readonly attackConfirmFalseNegative: Float64Array;
  readonly attackConfirmDelay: Float64Array;
  readonly outageRate: Float64Array;
  readonly outageRungMultiplier: Float64Array;
  readonly outageMedian: Float64Array;
  readonly outageSigma: Float64Array;
  readonly decapitationThreshold: Float64Array;
  readonly decapitationMinRung: Int32Array;
  readonly misreadProbability: Float64Array;
  readonly predelegated: Uint8Array;
  readonly predelegationRung: Int32Array;
  readonly rungWithoutPredelegation: Int32Array;
  readonly decayRate: number;
  /** Processes whose rate can ever be positive; the event loop tracks only these. */
  readonly activeProcesses: Int32Array;
  /** P(the hotline exposes a wrong hostile label); 0 without a hotline or a second actor. */
  readonly hotlineClarify: number;
  readonly hotlineLatency: number;
  readonly intentRate: Float64Array;
  readonly intentMaxRung: Int32Array;
  /** A declared disarming strike per actor (the attacker): its rate per minute, or its time (-1: none). */
  readonly strikeRate: Float64Array;
  readonly strikeAt: Float64Array;
  /** True when some actor declares a disarming strike. */
  readonly strikes: boolean;
  /** P(a successor command survives the strike's cut and can still order forces). */
  readonly survivingCommand: Float64Array;
  /**
   * True when nothing a trial reports can change after a first use: one actor (nobody to perceive
   * or retaliate), who sees no genuine attacks and cannot climb to general war. Such trials end at
   * the first use, as they always did.
   */
  readonly firstUseEndsTrial: boolean;
}

export const Mode = { inTheLoop: 0, onTheLoop: 1, autonomous: 2 } as const;
export const Timeout = { launchOnWarning: 0, launchUnderAttack: 1, rideOut: 2 } as const;
export const AnswerCode = { match: 0, escalate: 1, hold: 2, deescalate: 3 } as const;

const logit = (p: number) => Math.log(p / (1 - p));
/** A per-rung field: one value for all rungs, or one per rung. */
const byRung = (v: number | readonly number[], r: number) => (typeof v === 'number' ? v : v[r]);
const rungIndex = (name: string) => RUNGS.indexOf(name as (typeof RUNGS)[number]);

/** Compiles a resolved scenario; pure and deterministic. */
export function compileModel(scenario: ResolvedScenario): CompiledModel {
  const actorIds = Object.keys(scenario.actors);
  const actors = actorIds.map((id) => scenario.actors[id]);
  const A = actors.length;
  const perActor = (f: (a: (typeof actors)[number]) => number) => Float64Array.from(actors, f);
  const perActorInt = (f: (a: (typeof actors)[number]) => number) => Int32Array.from(actors, f);
  const perActorRung = (f: (a: (typeof actors)[number], r: number) => number) =>
    Float64Array.from(actors.flatMap((a) => RUNGS.map((_, r) => f(a, r))));
  const perActorDomain = (f: (a: (typeof actors)[number], d: (typeof DOMAINS)[number]) => number) =>
    Float64Array.from(actors.flatMap((a) => DOMAINS.map((d) => f(a, d))));

  const usesAi = Uint8Array.from(
    actors.flatMap((a) => DOMAINS.map((d) => (a.ai.domains.includes(d) ? 1 : 0))),
  );
  const classifierOf = (a: (typeof actors)[number], d: (typeof DOMAINS)[number]) =>
    a.ai.domains.includes(d) ? a.ai : a.legacy;
  const confirms = Uint8Array.from(
    actors.flatMap((a) =>
      DOMAINS.map((d) => (a.confirmation.enabled && a.confirmation.domains.includes(d) ? 1 : 0)),
    ),
  );
  const processingDelay = perActorDomain(
    (a, d) =>
      a.latencyMinutes.detection +
      a.latencyMinutes.processing +
      (a.confirmation.enabled && a.confirmation.domains.includes(d)
        ? a.confirmation.latencyMinutes
        : 0),
  );
  const minimumWindow = perActorDomain((a) => a.authority.minimumDecisionMinutes);
  const window = perActorDomain((a, d) => a.timeToImpactMinutes[d]).map((tti, i) =>
    Math.max(0, tti - processingDelay[i], minimumWindow[i]),
  );
  const hotline = scenario.ladder.hotline;

  const model: Omit<CompiledModel, 'activeProcesses' | 'firstUseEndsTrial'> = {
    actorIds,
    actorCount: A,
    horizon: scenario.horizonDays * MINUTES_PER_DAY,
    initialRung: perActorInt((a) => rungIndex(a.initialRung)),
    trackRate: Float64Array.from(
      actors.flatMap((a) =>
        DOMAINS.flatMap((d) =>
          TRACK_KINDS.map((k) => {
            // Crisis intensity scales what the world does, not what the sensors invent.
            const intensity = k === 'falseAlarm' ? 1 : scenario.intensity;
            return (a.tracks[d][k] * a.sensitivity * intensity) / MINUTES_PER_DAY;
          }),
        ),
      ),
    ),
    trackRungMultiplier: Float64Array.from(scenario.ladder.trackRateMultiplier),
    usesAi,
    falsePositive: perActorDomain((a, d) => classifierOf(a, d).falsePositive[d]),
    falseNegative: perActorDomain((a, d) => classifierOf(a, d).falseNegative[d]),
    logitCorrect: perActorDomain((a, d) => logit(classifierOf(a, d).confidence.correct)),
    logitWrong: perActorDomain((a, d) => logit(classifierOf(a, d).confidence.wrong)),
    confidenceSpread: perActorDomain((a, d) => classifierOf(a, d).confidence.spread),
    centreConfidenceCorrect: perActorDomain(
      (a, d) => 1 / (1 + Math.exp(-logit(classifierOf(a, d).confidence.correct))),
    ),
    centreConfidenceWrong: perActorDomain(
      (a, d) => 1 / (1 + Math.exp(-logit(classifierOf(a, d).confidence.wrong))),
    ),
    confidenceThreshold: perActor((a) => a.authority.confidenceThreshold),
    coincidenceWindow: perActor((a) => a.coincidence.windowMinutes),
    coincidenceBoost: perActor((a) => a.coincidence.confidenceBoost),
    coincidenceSteps: perActorInt((a) => a.coincidence.responseSteps),
    confirms,
    confirmFalsePositive: perActor((a) => a.confirmation.falsePositive),
    confirmFalseNegative: perActor((a) => a.confirmation.falseNegative),
    confirmCommonCause: perActor((a) => a.confirmation.commonCause),
    processingDelay,
    window,
    timeToImpact: perActorDomain((a, d) => a.timeToImpactMinutes[d]),
    mode: perActorInt((a) => AUTHORITY_MODES.indexOf(a.authority.mode)),
    vetoWindow: perActor((a) => a.authority.vetoWindowMinutes),
    timeoutDefault: perActorInt((a) => TIMEOUT_DEFAULTS.indexOf(a.authority.timeoutDefault)),
    catchProbability: perActor((a) => a.human.catchProbability),
    automationBias: perActor((a) => a.human.automationBias),
    confidenceWeight: perActor((a) => a.human.confidenceWeight),
    adequateTime: perActor((a) => a.human.adequateTimeMinutes),
    decisionMedian: perActor((a) => a.human.decisionTime.medianMinutes),
    decisionSigma: perActor((a) => a.human.decisionTime.sigma),
    responseRung: Int32Array.from(
      actors.flatMap((a) => DOMAINS.map((d) => rungIndex(a.responses[d]))),
    ),
    answer: Int32Array.from(
      actors.flatMap((a) =>
        RUNGS.map((r) => {
          const answer = a.answer;
          if (typeof answer === 'string') return ANSWERS.indexOf(answer);
          return ANSWERS.indexOf(
            (answer as Record<string, Answer | undefined>)[r] ?? answer.otherwise,
          );
        }),
      ),
    ),
    maxAnswerRung: perActorInt((a) => rungIndex(a.maxAnswerRung)),
    // With one actor nobody perceives anything.
    perceiveProbability: perActorRung((a, r) => (A > 1 ? byRung(a.perception.probability, r) : 0)),
    perceiveMeanDelay: perActorRung((a, r) => byRung(a.perception.meanDelayMinutes, r)),
    attackConfirms: Uint8Array.from(actors, (a) =>
      a.authority.attackConfirmation.enabled ? 1 : 0,
    ),
    attackConfirmFalsePositive: perActor((a) => a.authority.attackConfirmation.falsePositive),
    attackConfirmFalseNegative: perActor((a) => a.authority.attackConfirmation.falseNegative),
    attackConfirmDelay: perActor((a) => a.authority.attackConfirmation.delayMinutes),
    outageRate: perActor(
      (a) => (a.comms.outageRatePerDay * a.comms.jammingMultiplier) / MINUTES_PER_DAY,
    ),
    outageRungMultiplier: Float64Array.from(scenario.ladder.outageRateMultiplier),
    outageMedian: perActor((a) => a.comms.outageDuration.medianMinutes),
    outageSigma: perActor((a) => a.comms.outageDuration.sigma),
    decapitationThreshold: perActor((a) => a.comms.decapitation.thresholdMinutes),
    decapitationMinRung: perActorInt((a) => rungIndex(a.comms.decapitation.minRung)),
    misreadProbability: perActor((a) => a.comms.decapitation.misreadProbability),
    predelegated: Uint8Array.from(actors, (a) => (a.comms.predelegation.enabled ? 1 : 0)),
    predelegationRung: perActorInt((a) => rungIndex(a.comms.predelegation.rung)),
    rungWithoutPredelegation: perActorInt((a) => rungIndex(a.comms.rungWithoutPredelegation)),
    decayRate:
      (scenario.ladder.deescalationRatePerDay *
        (hotline.enabled ? hotline.deescalationMultiplier : 1)) /
      MINUTES_PER_DAY,
    hotlineClarify: hotline.enabled && A > 1 ? hotline.clarifyProbability : 0,
    hotlineLatency: hotline.latencyMinutes,
    intentRate: perActor((a) => a.intent.ratePerDay / MINUTES_PER_DAY),
    intentMaxRung: perActorInt((a) => rungIndex(a.intent.maxRung)),
    strikeRate: perActor((a) => a.disarmingStrike.ratePerDay / MINUTES_PER_DAY),
    strikeAt: perActor((a) =>
      a.disarmingStrike.atDay === undefined ? -1 : a.disarmingStrike.atDay * MINUTES_PER_DAY,
    ),
    strikes: actors.some(
      (a) => a.disarmingStrike.ratePerDay > 0 || a.disarmingStrike.atDay !== undefined,
    ),
    survivingCommand: perActor((a) => a.comms.survivingCommand),
  };
  return {
    ...model,
    activeProcesses: activeProcessesOf(model),
    firstUseEndsTrial: nothingFollowsFirstUse(model),
  };
}

function nothingFollowsFirstUse(
  m: Omit<CompiledModel, 'activeProcesses' | 'firstUseEndsTrial'>,
): boolean {
  if (m.actorCount !== 1) return false;
  const top = R - 1;
  const climbs =
    m.responseRung.some((r) => r === top) ||
    (m.predelegated[0] === 1 && m.predelegationRung[0] === top) ||
    (m.intentRate[0] > 0 && m.intentMaxRung[0] === top);
  let genuine = false;
  for (let d = 0; d < D; d++) if (m.trackRate[d * K] > 0) genuine = true;
  return !climbs && !genuine;
}

function activeProcessesOf(
  m: Omit<CompiledModel, 'activeProcesses' | 'firstUseEndsTrial'>,
): Int32Array {
  const active: number[] = [];
  for (let a = 0; a < m.actorCount; a++) {
    const base = a * PROCESSES_PER_ACTOR;
    for (let j = 0; j < D * K; j++) if (m.trackRate[a * D * K + j] > 0) active.push(base + j);
    if (m.outageRate[a] > 0) active.push(base + P_OUTAGE);
    if (m.decayRate > 0) active.push(base + P_DECAY);
    if (m.intentRate[a] > 0) active.push(base + P_INTENT);
  }
  return Int32Array.from(active);
}
