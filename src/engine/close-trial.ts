import { poisson } from '../random/index.ts';
import { Count, Flag } from './codes.ts';
import { K, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import { QUIET_COUNT } from './event-marks.ts';
import { Site, siteIndex } from './tilt.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * Ends the trial's track processes at the current time: each one's benign labels are Poisson with
 * mean (1 − flagged) times its integrated rate, since thinning a Poisson process by a fixed
 * probability leaves two independent ones (and benign labels never change the rates). They count
 * as tracks and events; under a tilt each is a label site's success.
 */
export function closeQuiet(ctx: TrialContext): void {
  const A = ctx.model.actorCount;
  const tracks = ctx.trackProcesses;
  const counts = ctx.outcome.counts;
  for (let i = 0; i < tracks.length; i++) {
    const p = tracks[i];
    const actor = (p / PROCESSES_PER_ACTOR) | 0;
    const j = p - actor * PROCESSES_PER_ACTOR;
    const benign = 1 - ctx.flagged[p];
    const integrated = ctx.integrated(p);
    if (!(benign > 0 && integrated > 0)) continue;
    ctx.quietSource.start(ctx.processStream[p], QUIET_COUNT);
    const n = poisson(benign * integrated, ctx.quietSource);
    ctx.quiet[p] = n;
    counts[Count.tracks] += n;
    counts[Count.events] += n;
    const domain = (j / K) | 0;
    if (j % K === 0) {
      counts[Count.genuineMissed] += n;
      counts[Count.unansweredAttacks] += n;
      if (n > 0) {
        ctx.outcome.flags[Flag.unansweredAttack] = 1;
        ctx.outcome.unansweredOn[actor] = 1;
      }
    } else ctx.sites.misses(siteIndex(A, Site.label, actor, domain), n);
  }
}

/**
 * Ends a tilted trial at the current time: each process with n events, run at theta times its
 * rate over an integrated original rate L, contributes theta^−n exp((theta − 1) L) to the weight.
 */
export function closeTilt(ctx: TrialContext): void {
  const tilt = ctx.tilt;
  if (tilt === null) return;
  const out = ctx.outcome;
  const active = ctx.model.activeProcesses;
  for (let i = 0; i < active.length; i++) {
    const p = active[i];
    const theta = tilt.rate[p];
    const exposure = ctx.integrated(p) / theta;
    const n = ctx.eventIndex[p] + ctx.quiet[p];
    out.processEvents[p] = n;
    out.exposure[p] = exposure;
    if (theta !== 1) out.logWeight += (theta - 1) * exposure - n * Math.log(theta);
  }
}
