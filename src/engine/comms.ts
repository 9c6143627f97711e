import { Count, Origin, Scheduled, TraceKind } from './codes.ts';
import { setRung } from './ladder.ts';
import { Site, siteIndex } from './tilt.ts';
import { Mark } from './event-marks.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M5: a leadership-to-forces outage with a lognormal duration. One that outlasts the threshold
 * while the actor is at or above the minimum rung may be read as decapitation; with pre-delegated
 * authority the forces then move to the pre-delegated rung (use), otherwise to a lower one.
 */
export function startOutage(ctx: TrialContext, actor: number): void {
  const m = ctx.model;
  ctx.inOutage[actor] = 1;
  ctx.outageChanged(actor);
  ctx.outcome.counts[Count.outages]++;
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
  if (ctx.rung[actor] < m.decapitationMinRung[actor]) return;
  const site = siteIndex(m.actorCount, Site.misread, actor, 0);
  if (!ctx.sites.chance(site, ctx.misreadDraw[actor], m.misreadProbability[actor])) return;
  ctx.outcome.counts[Count.decapitationMisreads]++;
  const predelegated = m.predelegated[actor] === 1;
  ctx.record(TraceKind.decapitationMisread, actor, predelegated ? 1 : 0);
  const target = predelegated ? m.predelegationRung[actor] : m.rungWithoutPredelegation[actor];
  if (target > ctx.rung[actor]) setRung(ctx, actor, target, Origin.decapitationMisread);
}

export function endOutage(ctx: TrialContext, actor: number): void {
  ctx.inOutage[actor] = 0;
  ctx.outageChanged(actor);
  ctx.record(TraceKind.outageEnd, actor);
}
