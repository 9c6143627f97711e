import { normalFrom } from '../random/index.ts';
import { Count, DecisionOutcome, Scheduled, TraceKind } from './codes.ts';
import { D, Mode, Timeout } from './compiled-model.ts';
import { Mark, type TrialContext } from './trial-context.ts';

/**
 * M3: a hostile label reaches a decision. The window is time to impact less latencies; a human
 * decides in a lognormal time and catches a wrong label with probability
 *   catch = catchProbability * min(1, window / adequateTime) * (1 - automationBias if the AI labelled it);
 * a human too slow for the window leaves the call to the doctrine default. The action lands later
 * as a scheduled response (M4), so the clock never runs backwards.
 */
export function decide(
  ctx: TrialContext,
  actor: number,
  domain: number,
  genuine: boolean,
  origin: number,
): void {
  const m = ctx.model;
  const counts = ctx.outcome.counts;
  const ad = actor * D + domain;
  const window = m.window[ad];
  const at = ctx.time + m.processingDelay[ad];
  const target = m.responseRung[ad];
  const byAi = m.usesAi[ad] === 1;
  // The legacy chain has no AI to defer to: a human decides.
  const mode = byAi ? m.mode[actor] : Mode.inTheLoop;

  if (mode === Mode.autonomous) {
    ctx.record(TraceKind.decision, actor, DecisionOutcome.autonomous, 0, window);
    act(ctx, at, actor, target, origin);
    return;
  }

  const sigma = m.decisionSigma[actor];
  const z = sigma > 0 ? normalFrom(ctx.mark(Mark.humanTimeU), ctx.mark(Mark.humanTimeV)) : 0;
  const humanTime = m.decisionMedian[actor] * Math.exp(sigma * z);
  const u = ctx.mark(Mark.choice);
  const adequate = m.adequateTime[actor];
  const pressure = adequate > 0 && window < adequate ? window / adequate : 1;
  // Only wrong labels can be caught; a correct hostile label is approved.
  const catchUnbiased = genuine ? 0 : m.catchProbability[actor] * pressure;
  const catchBiased = byAi ? catchUnbiased * (1 - m.automationBias[actor]) : catchUnbiased;

  if (mode === Mode.inTheLoop) {
    if (humanTime > window) {
      counts[Count.doctrineDefaults]++;
      const doctrine = m.timeoutDefault[actor];
      const proceeds =
        doctrine === Timeout.launchOnWarning || (doctrine === Timeout.launchUnderAttack && genuine);
      const outcome = proceeds ? DecisionOutcome.timeoutAct : DecisionOutcome.timeoutHold;
      ctx.record(TraceKind.decision, actor, outcome, window, window);
      if (proceeds) act(ctx, at + window, actor, target, origin);
      return;
    }
    if (u < catchBiased) {
      counts[Count.humanOverrides]++;
      ctx.record(TraceKind.decision, actor, DecisionOutcome.override, humanTime, window);
      return;
    }
    const deferred = u < catchUnbiased;
    if (deferred) counts[Count.automationBiasDeferrals]++;
    const outcome = deferred ? DecisionOutcome.biasDeferral : DecisionOutcome.approved;
    ctx.record(TraceKind.decision, actor, outcome, humanTime, window);
    act(ctx, at + humanTime, actor, target, origin);
    return;
  }

  // Human on the loop: the action proceeds when the veto window closes unless vetoed in time.
  const veto = Math.min(m.vetoWindow[actor], window);
  let outcome: number = DecisionOutcome.vetoWindowLapsed;
  if (humanTime <= veto) {
    if (u < catchBiased) {
      counts[Count.humanOverrides]++;
      ctx.record(TraceKind.decision, actor, DecisionOutcome.veto, humanTime, window);
      return;
    }
    const deferred = u < catchUnbiased;
    if (deferred) counts[Count.automationBiasDeferrals]++;
    outcome = deferred ? DecisionOutcome.biasDeferral : DecisionOutcome.approved;
  }
  ctx.record(TraceKind.decision, actor, outcome, Math.min(humanTime, veto), window);
  act(ctx, at + veto, actor, target, origin);
}

function act(ctx: TrialContext, time: number, actor: number, target: number, origin: number): void {
  ctx.queue.push(time, Scheduled.response, actor, target, origin, ctx.activeChain);
}
