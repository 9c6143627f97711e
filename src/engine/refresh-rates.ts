import { P_DECAY, P_INTENT, P_OUTAGE, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M1 and the other memoryless processes: recomputes the rates a state change may have moved. Track
 * rates scale with the highest rung of any actor, through the one multiplier they share (moved only
 * when that level changes); outages, decay and intent follow the actor's own rung and outage, and
 * only those whose rate changed touch their clocks (`setRate`).
 * Importance sampling runs each process at a multiple of its rate (tilt.ts).
 */
export function refreshRates(ctx: TrialContext): void {
  const m = ctx.model;
  if (ctx.levelStale) {
    let level = 0;
    for (let a = 0; a < m.actorCount; a++) if (ctx.rung[a] > level) level = ctx.rung[a];
    if (level !== ctx.level) {
      ctx.level = level;
      ctx.setTrackMultiplier(m.trackRungMultiplier[level]);
    }
    ctx.levelStale = false;
  }
  for (let a = 0; a < m.actorCount; a++) {
    if (ctx.actorStale[a] === 0) continue;
    ctx.actorStale[a] = 0;
    const rung = ctx.rung[a];
    const base = a * PROCESSES_PER_ACTOR;
    const outage = ctx.inOutage[a] === 1 ? 0 : m.outageRate[a] * m.outageRungMultiplier[rung];
    setActorRate(ctx, base + P_OUTAGE, outage);
    setActorRate(ctx, base + P_DECAY, rung > 0 ? m.decayRate : 0);
    setActorRate(ctx, base + P_INTENT, rung < m.intentMaxRung[a] ? m.intentRate[a] : 0);
  }
  ctx.ratesStale = false;
}

function setActorRate(ctx: TrialContext, p: number, r: number): void {
  if (ctx.leafOf[p] < 0) return;
  ctx.setRate(p, ctx.tilt === null ? r : r * ctx.tilt.rate[p]);
}
