import { Count, Origin, Scheduled, TraceKind } from './codes.ts';
import { DecisionPoint, Choice } from './decision-maker.ts';
import { setRung } from './ladder.ts';
import { SeenKind } from './observation.ts';
import { Site, siteIndex } from './tilt.ts';
import { Mark } from './event-marks.ts';
import { askDecision } from './ask-decision.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M5: a leadership-to-forces outage with a lognormal duration. When one outlasts the threshold the
 * side's decision-maker is asked whether to read it as decapitation (the doctrine agent does so
 * with the misread probability when at or above the minimum rung); if it acts, with pre-delegated
 * authority the forces move to the pre-delegated rung (use), otherwise to a lower one.
 */
export function startOutage(ctx: TrialContext, actor: number): void {
  const m = ctx.model;
  ctx.inOutage[actor] = 1;
  ctx.outageChanged(actor);
  ctx.outcome.counts[Count.outages]++;
  ctx.see(actor, SeenKind.linkDown, 0);
  const sigma = m.outageSigma[actor];
  const shift = siteIndex(m.actorCount, Site.longOutage, actor, 0);
  const z =
    sigma > 0 ? ctx.sites.normal(shift, ctx.mark(Mark.durationU), ctx.mark(Mark.durationV)) : 0;
  const duration = m.outageMedian[actor] * Math.exp(sigma * z);
  ctx.misreadDraw[actor] = ctx.mark(Mark.misread);
  ctx.record(TraceKind.outageStart, actor, duration);
  ctx.queue.push(ctx.time + duration, Scheduled.outageEnd, actor, 0, 0, ctx.activeChain);
  const threshold = m.decapitationThreshold[actor];
  if (duration > threshold) {
    ctx.queue.push(ctx.time + threshold, Scheduled.outageLong, actor, 0, 0, ctx.activeChain);
  }
}

export function onLongOutage(ctx: TrialContext, actor: number): void {
  const m = ctx.model;
  const o = ctx.observation;
  o.begin(DecisionPoint.outage, actor, ctx.time, m.mode[actor]);
  o.outageMinutes = m.decapitationThreshold[actor];
  if (askDecision(ctx, DecisionPoint.outage, actor, 0, false).choice !== Choice.act) return;
  ctx.outcome.counts[Count.decapitationMisreads]++;
  const predelegated = m.predelegated[actor] === 1;
  ctx.record(TraceKind.decapitationMisread, actor, predelegated ? 1 : 0);
  const target = predelegated ? m.predelegationRung[actor] : m.rungWithoutPredelegation[actor];
  if (target > ctx.rung[actor]) setRung(ctx, actor, target, Origin.decapitationMisread);
}

export function endOutage(ctx: TrialContext, actor: number): void {
  // A strike's cut is for good: an earlier outage ending does not restore the link.
  if (ctx.leaderless[actor] === 1) return;
  ctx.inOutage[actor] = 0;
  ctx.outageChanged(actor);
  ctx.see(actor, SeenKind.linkUp, 0);
  ctx.record(TraceKind.outageEnd, actor);
}
