import { D, K, P_DECAY, P_INTENT, P_OUTAGE, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * M1 and the other memoryless processes: recomputes every superposed Poisson rate after the state
 * changed. Track rates scale with the higher of the two rungs; outages with the actor's own rung.
 */
export function refreshRates(ctx: TrialContext): void {
  const m = ctx.model;
  const rates = ctx.rates;
  let level = 0;
  for (let a = 0; a < m.actorCount; a++) if (ctx.rung[a] > level) level = ctx.rung[a];
  const trackMultiplier = m.trackRungMultiplier[level];
  let total = 0;
  for (let a = 0; a < m.actorCount; a++) {
    const base = a * PROCESSES_PER_ACTOR;
    const trackBase = a * D * K;
    for (let j = 0; j < D * K; j++) {
      const r = m.trackRate[trackBase + j] * trackMultiplier;
      rates[base + j] = r;
      total += r;
    }
    const rung = ctx.rung[a];
    const outage = ctx.inOutage[a] === 1 ? 0 : m.outageRate[a] * m.outageRungMultiplier[rung];
    const decay = rung > 0 ? m.decayRate : 0;
    const intent = rung < m.intentMaxRung[a] ? m.intentRate[a] : 0;
    rates[base + P_OUTAGE] = outage;
    rates[base + P_DECAY] = decay;
    rates[base + P_INTENT] = intent;
    total += outage + decay + intent;
  }
  ctx.totalRate = total;
  ctx.ratesStale = false;
}

/** Picks which process fired, in proportion to its rate (one uniform from the arrivals stream). */
export function pickProcess(ctx: TrialContext): number {
  const rates = ctx.rates;
  let u = ctx.arrivals.next() * ctx.totalRate;
  const last = rates.length - 1;
  for (let p = 0; p < last; p++) {
    u -= rates[p];
    if (u < 0) return p;
  }
  // Rounding can leave u a hair above zero; fall back to the last process with a positive rate.
  for (let p = last; p > 0; p--) if (rates[p] > 0) return p;
  return 0;
}
