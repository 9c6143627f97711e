import { P_DECAY, P_INTENT, P_OUTAGE, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import type { TrialContext } from './trial-context.ts';

/**
 * Events a trial is expected to handle one by one at its initial rates (under the tilt, if any):
 * rate × P(handled) × horizon summed over the active processes. Rates move with the rung, so this
 * is an estimate for an up-front refusal; the event loop's own count is the bound.
 */
export function expectedEvents(ctx: TrialContext): number {
  const m = ctx.model;
  let level = 0;
  for (let a = 0; a < m.actorCount; a++) level = Math.max(level, m.initialRung[a]);
  let perMinute = 0;
  for (const p of ctx.trackProcesses) {
    perMinute += ctx.flagged[p] * ctx.trackScale[p] * m.trackRungMultiplier[level];
  }
  for (const p of ctx.otherProcesses) {
    const a = (p / PROCESSES_PER_ACTOR) | 0;
    const j = p - a * PROCESSES_PER_ACTOR;
    const rung = m.initialRung[a];
    const rate =
      j === P_OUTAGE
        ? m.outageRate[a] * m.outageRungMultiplier[rung]
        : j === P_DECAY
          ? rung > 0
            ? m.decayRate
            : 0
          : j === P_INTENT && rung < m.intentMaxRung[a]
            ? m.intentRate[a]
            : 0;
    perMinute += ctx.tilt === null ? rate : rate * ctx.tilt.rate[p];
  }
  return perMinute * m.horizon;
}
