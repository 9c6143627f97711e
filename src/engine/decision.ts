import { RUNGS } from '../scenario/index.ts';
import { Count, DecisionOutcome, Scheduled, TraceKind } from './codes.ts';
import { D, Mode, Timeout } from './compiled-model.ts';
import { Choice, DecisionPoint, type Decision } from './decision-maker.ts';
import { Mark } from './event-marks.ts';
import { SeenKind } from './observation.ts';
import { askDecision } from './ask-decision.ts';
import type { TrialContext } from './trial-context.ts';

const GENERAL_WAR = RUNGS.length - 1;

/**
 * M3: a hostile label reaches a decision. The window is time to impact less latencies. The side's
 * decision-maker (the port, decision-maker.ts) is asked what to do; the engine then carries the
 * answer out under the side's authority mode:
 * - in the loop (and the legacy chain, which has no AI to defer to): an approval is an order to the
 *   forces once the decision is made; a veto stops it; a deferral, or a decision later than the
 *   window, leaves the call to the doctrine default;
 * - on the loop: the action proceeds when the veto window closes unless vetoed within it; a window
 *   that lapses undecided leaves the call to the doctrine default;
 * - autonomous: the AI acts (or not) as the decision-maker answers, after the time it took.
 * Orders and vetoes need the leadership link: while it is down an approval never reaches the
 * forces and a veto cannot stop them. The action lands later as a scheduled response (M4), so the
 * clock never runs backwards. A genuine attack that meets no action landing by its impact is
 * unanswered (counted, and flagged for the trial).
 */
export function decide(
  ctx: TrialContext,
  actor: number,
  domain: number,
  genuine: boolean,
  origin: number,
  confidence: number,
  confirmed: number,
  /** Rungs added to the response (coincident labels); default 0. */
  responseSteps = 0,
): void {
  const m = ctx.model;
  const counts = ctx.outcome.counts;
  const ad = actor * D + domain;
  const window = m.window[ad];
  const at = ctx.time + m.processingDelay[ad];
  const impact = ctx.time + m.timeToImpact[ad];
  const target = Math.min(m.responseRung[ad] + responseSteps, GENERAL_WAR);
  const byAi = m.usesAi[ad] === 1;
  const mode = byAi ? m.mode[actor] : Mode.inTheLoop;
  const linkUp = ctx.canOrder(actor);

  ctx.see(actor, SeenKind.alert, domain);
  const o = ctx.observation;
  // The legacy chain has no AI: whatever the side's mode, a human decides in the loop.
  o.begin(DecisionPoint.alert, actor, ctx.time, mode);
  o.domain = domain;
  o.byAi = byAi;
  o.confidence = confidence;
  o.confirmed = confirmed;
  o.windowMinutes = window;
  o.responseRung = target;
  const d = askDecision(ctx, DecisionPoint.alert, actor, domain, genuine);
  const minutes = d.minutes;
  let actsAt = Infinity;

  if (mode === Mode.onTheLoop) {
    actsAt = onTheLoop(ctx, actor, d, genuine, at, window, impact, linkUp);
  } else if (d.choice === Choice.defer || minutes > window) {
    counts[Count.doctrineDefaults]++;
    actsAt = doctrineDefault(ctx, actor, genuine, at, window, impact);
    const outcome = actsAt < Infinity ? DecisionOutcome.timeoutAct : DecisionOutcome.timeoutHold;
    ctx.record(TraceKind.decision, actor, outcome, window, window);
  } else if (d.choice === Choice.veto) {
    counts[Count.humanOverrides]++;
    ctx.record(TraceKind.decision, actor, DecisionOutcome.override, minutes, window);
  } else {
    if (d.deferredToMachine) counts[Count.automationBiasDeferrals]++;
    const outcome =
      mode === Mode.autonomous
        ? DecisionOutcome.autonomous
        : d.deferredToMachine
          ? DecisionOutcome.biasDeferral
          : DecisionOutcome.approved;
    ctx.record(TraceKind.decision, actor, outcome, minutes, window);
    // A human's order needs the link; an autonomous AI acts at the forces.
    if (mode === Mode.autonomous || linkUp) actsAt = at + minutes;
    else ctx.blocked(actor, 1);
  }

  if (actsAt < Infinity) {
    ctx.queue.push(actsAt, Scheduled.response, actor, target, origin, ctx.activeChain);
  }
  if (genuine && !(actsAt <= impact)) ctx.unanswered(actor, domain);
}

/** On the loop: the action proceeds when the veto window closes unless vetoed within it. */
function onTheLoop(
  ctx: TrialContext,
  actor: number,
  d: Decision,
  genuine: boolean,
  at: number,
  window: number,
  impact: number,
  linkUp: boolean,
): number {
  const m = ctx.model;
  const counts = ctx.outcome.counts;
  const minutes = d.minutes;
  const veto = Math.min(m.vetoWindow[actor], window);
  const inTime = minutes <= veto;
  if (inTime && d.choice === Choice.veto && linkUp) {
    counts[Count.humanOverrides]++;
    ctx.record(TraceKind.decision, actor, DecisionOutcome.veto, minutes, window);
    return Infinity;
  }
  if (inTime && d.choice !== Choice.defer) {
    // An approval, or a veto the cut link cannot carry: the action proceeds at the window's end.
    if (d.choice === Choice.veto) ctx.blocked(actor, 0);
    else if (d.deferredToMachine) counts[Count.automationBiasDeferrals]++;
    const outcome =
      d.choice === Choice.veto
        ? DecisionOutcome.vetoWindowLapsed
        : d.deferredToMachine
          ? DecisionOutcome.biasDeferral
          : DecisionOutcome.approved;
    ctx.record(TraceKind.decision, actor, outcome, minutes, window);
    return at + veto;
  }
  counts[Count.doctrineDefaults]++;
  ctx.record(TraceKind.decision, actor, DecisionOutcome.vetoWindowLapsed, veto, window);
  return doctrineDefault(ctx, actor, genuine, at, veto, impact);
}

/**
 * When nobody decides in time (or the side defers): launch on warning acts when the window
 * closes; launch under attack acts once the attack is confirmed — by a fallible confirmation step
 * when the doctrine has one, else by its impact, which a false alarm never has; ride out does
 * nothing. Returns when the action lands (Infinity if never).
 */
function doctrineDefault(
  ctx: TrialContext,
  actor: number,
  genuine: boolean,
  at: number,
  window: number,
  impact: number,
): number {
  const m = ctx.model;
  const doctrine = m.timeoutDefault[actor];
  if (doctrine === Timeout.launchOnWarning) return at + window;
  if (doctrine !== Timeout.launchUnderAttack) return Infinity;
  const byImpact = genuine ? Math.max(at + window, impact) : Infinity;
  if (m.attackConfirms[actor] === 0) return genuine ? at + window : Infinity;
  const u = ctx.mark(Mark.attackConfirmation);
  const confirmed = genuine
    ? u >= m.attackConfirmFalseNegative[actor]
    : u < m.attackConfirmFalsePositive[actor];
  ctx.record(TraceKind.attackConfirmation, actor, confirmed ? 1 : 0);
  const when = at + window + m.attackConfirmDelay[actor];
  if (!confirmed) return byImpact;
  return Math.min(when, byImpact);
}
