import { Count, DecisionOutcome, Scheduled, TraceKind } from './codes.ts';
import { D, Mode, Timeout } from './compiled-model.ts';
import { Choice, DecisionPoint } from './decision-maker.ts';
import { SeenKind } from './observation.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M3: a hostile label reaches a decision. The window is time to impact less latencies. The side's
 * decision-maker (the port, decision-maker.ts) is asked what to do; the engine then carries the
 * answer out under the side's authority mode:
 * - in the loop (and the legacy chain, which has no AI to defer to): an approval acts once the
 *   decision is made; a veto stops it; a deferral, or a decision later than the window, leaves the
 *   call to the doctrine default;
 * - on the loop: the action proceeds when the veto window closes unless vetoed within it;
 * - autonomous: the AI acts (or not) as the decision-maker answers, after the time it took.
 * The action lands later as a scheduled response (M4), so the clock never runs backwards.
 */
export function decide(
  ctx: TrialContext,
  actor: number,
  domain: number,
  genuine: boolean,
  origin: number,
  confidence: number,
  confirmed: number,
): void {
  const m = ctx.model;
  const counts = ctx.outcome.counts;
  const ad = actor * D + domain;
  const window = m.window[ad];
  const at = ctx.time + m.processingDelay[ad];
  const target = m.responseRung[ad];
  const byAi = m.usesAi[ad] === 1;
  const mode = byAi ? m.mode[actor] : Mode.inTheLoop;

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
  const d = ctx.ask(DecisionPoint.alert, actor, domain, genuine);
  const minutes = d.minutes;

  if (mode === Mode.onTheLoop) {
    const veto = Math.min(m.vetoWindow[actor], window);
    const inTime = minutes <= veto;
    if (inTime && d.choice === Choice.veto) {
      counts[Count.humanOverrides]++;
      ctx.record(TraceKind.decision, actor, DecisionOutcome.veto, minutes, window);
      return;
    }
    let outcome: number = DecisionOutcome.vetoWindowLapsed;
    if (inTime && d.choice === Choice.approve) {
      if (d.deferredToMachine) counts[Count.automationBiasDeferrals]++;
      outcome = d.deferredToMachine ? DecisionOutcome.biasDeferral : DecisionOutcome.approved;
    }
    ctx.record(TraceKind.decision, actor, outcome, Math.min(minutes, veto), window);
    act(ctx, at + veto, actor, target, origin);
    return;
  }

  if (d.choice === Choice.defer || minutes > window) {
    counts[Count.doctrineDefaults]++;
    const doctrine = m.timeoutDefault[actor];
    const proceeds =
      doctrine === Timeout.launchOnWarning || (doctrine === Timeout.launchUnderAttack && genuine);
    const outcome = proceeds ? DecisionOutcome.timeoutAct : DecisionOutcome.timeoutHold;
    ctx.record(TraceKind.decision, actor, outcome, window, window);
    if (proceeds) act(ctx, at + window, actor, target, origin);
    return;
  }
  if (d.choice === Choice.veto) {
    counts[Count.humanOverrides]++;
    ctx.record(TraceKind.decision, actor, DecisionOutcome.override, minutes, window);
    return;
  }
  if (d.deferredToMachine) counts[Count.automationBiasDeferrals]++;
  const outcome =
    mode === Mode.autonomous
      ? DecisionOutcome.autonomous
      : d.deferredToMachine
        ? DecisionOutcome.biasDeferral
        : DecisionOutcome.approved;
  ctx.record(TraceKind.decision, actor, outcome, minutes, window);
  act(ctx, at + minutes, actor, target, origin);
}

function act(ctx: TrialContext, time: number, actor: number, target: number, origin: number): void {
  ctx.queue.push(time, Scheduled.response, actor, target, origin, ctx.activeChain);
}
