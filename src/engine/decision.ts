import { Count, DecisionOutcome, Scheduled, TraceKind } from './codes.ts';
import { D, Mode, Timeout } from './compiled-model.ts';
import { Site, siteIndex } from './tilt.ts';
import { Mark } from './event-marks.ts';
import type { TrialContext } from './trial-context.ts';

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

  const A = m.actorCount;
  const sigma = m.decisionSigma[actor];
  const z =
    sigma > 0
      ? ctx.sites.normal(
          siteIndex(A, Site.timeout, actor, domain),
          ctx.mark(Mark.humanTimeU),
          ctx.mark(Mark.humanTimeV),
        )
      : 0;
  const humanTime = m.decisionMedian[actor] * Math.exp(sigma * z);
  const adequate = m.adequateTime[actor];
  const pressure = adequate > 0 && window < adequate ? window / adequate : 1;
  // Only wrong labels can be caught; a correct hostile label is approved.
  const catchUnbiased = genuine ? 0 : m.catchProbability[actor] * pressure;
  const catchBiased = byAi ? catchUnbiased * (1 - m.automationBias[actor]) : catchUnbiased;
  const missSite = siteIndex(A, Site.miss, actor, domain);

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
    // Drawn only when the choice matters, so a tilt never weighs an unused draw.
    const u = choiceDraw(ctx, missSite, genuine, catchBiased);
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
    const u = choiceDraw(ctx, missSite, genuine, catchBiased);
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

/**
 * The human's choice uniform: below catchBiased the wrong label is caught, up to catchUnbiased it
 * stands by automation bias, above it is approved. Under a tilt the miss (u >= catchBiased) is a
 * Bernoulli site: the draw is weighed there, then mapped back onto [catchBiased, 1) so the split
 * between deferral and approval keeps its original odds.
 */
function choiceDraw(
  ctx: TrialContext,
  site: number,
  genuine: boolean,
  catchBiased: number,
): number {
  const u = ctx.mark(Mark.choice);
  if (genuine || ctx.tilt === null) return u;
  const miss = ctx.sites.chance(site, 1 - u, 1 - catchBiased);
  const caughtBelow = 1 - ctx.sites.target(site);
  if (!miss) return (u / caughtBelow) * catchBiased;
  return catchBiased + ((u - caughtBelow) / (1 - caughtBelow)) * (1 - catchBiased);
}
