import { D, K, P_DECAY, P_INTENT, P_OUTAGE, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M1 and the other memoryless processes: recomputes every Poisson rate after the state changed. Track rates scale with the higher of the two rungs; outages with the actor's own rung.
 */
export function refreshRates(ctx: TrialContext): void {
  const m = ctx.model;
  const rates = ctx.rates;
  let level = 0;
  for (let a = 0; a < m.actorCount; a++) if (ctx.rung[a] > level) level = ctx.rung[a];
  const trackMultiplier = m.trackRungMultiplier[level];
  for (let a = 0; a < m.actorCount; a++) {
    const base = a * PROCESSES_PER_ACTOR;
    const trackBase = a * D * K;
    for (let j = 0; j < D * K; j++) {
      const r = m.trackRate[trackBase + j] * trackMultiplier;
      rates[base + j] = r;
    }
    const rung = ctx.rung[a];
    const outage = ctx.inOutage[a] === 1 ? 0 : m.outageRate[a] * m.outageRungMultiplier[rung];
    const decay = rung > 0 ? m.decayRate : 0;
    const intent = rung < m.intentMaxRung[a] ? m.intentRate[a] : 0;
    rates[base + P_OUTAGE] = outage;
    rates[base + P_DECAY] = decay;
    rates[base + P_INTENT] = intent;
  }
  // Importance sampling runs each process at a multiple of its rate (tilt.ts).
  const tilt = ctx.tilt;
  if (tilt !== null) for (let p = 0; p < rates.length; p++) rates[p] *= tilt.rate[p];
  ctx.ratesStale = false;
}
