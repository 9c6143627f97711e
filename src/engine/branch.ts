import { ARRIVAL, BLOCK, Stream } from './event-marks.ts';
import { AgentError } from './decision-maker.ts';
import type { TrialContext } from './trial-context.ts';

/** Branch keys a trial can take (`rekey`): stream ids stay below 2^32. */
export const MAX_BRANCH_KEY = 4095;
/** A branch adds key × 2^20 to every stream id, above every stream id in use. */
const BRANCH_STRIDE = 1 << 20;

/**
 * Branches the trial here: every stream from now on is keyed by (seed, trial, stream, key), so
 * branches share the past exactly and differ only in what comes after. Each process's time to
 * its next event is drawn afresh from its new stream: its clock is a Poisson process's, so
 * given no event yet the rest is again a unit exponential (memoryless), and the branch is a
 * draw of the future given the past. Scheduled events (orders in flight) and an outage's
 * pending misread draw are the past's and stay. Plain Monte Carlo only: under a tilt the
 * weights would not know of the branch.
 */
export function rekey(ctx: TrialContext, key: number): void {
  if (ctx.tilt !== null) throw new AgentError('a trial under importance sampling cannot branch');
  if (!(key >= 1 && key <= MAX_BRANCH_KEY && key === Math.floor(key))) {
    throw new RangeError(`branch key ${key}: expected a whole number from 1 to ${MAX_BRANCH_KEY}`);
  }
  const offset = key * BRANCH_STRIDE;
  ctx.offsetStreams(offset);
  const { seed, trial, time } = ctx;
  const trackNow = ctx.trackClock + ctx.trackMultiplier * (time - ctx.trackSyncedAt);
  const tracks = ctx.trackProcesses;
  for (let i = 0; i < tracks.length; i++) {
    const p = tracks[i];
    const stream = ctx.processStream[p];
    stream.reseed(seed, trial, Stream.firstProcess + p + offset);
    // The arrival slot of the block the next event would use: fresh in the new stream.
    const e = -Math.log(stream.uniform(ctx.eventIndex[p] * BLOCK + ARRIVAL));
    ctx.threshold[p] = trackNow + e / (ctx.flagged[p] * ctx.trackScale[p]);
    ctx.trackAt.setQuiet(i, ctx.threshold[p]);
  }
  ctx.trackAt.rebuild();
  const others = ctx.otherProcesses;
  for (let i = 0; i < others.length; i++) {
    const p = others[i];
    const stream = ctx.processStream[p];
    stream.reseed(seed, trial, Stream.firstProcess + p + offset);
    const r = ctx.rates[p];
    ctx.clock[p] += r * (time - ctx.syncedAt[p]);
    ctx.syncedAt[p] = time;
    ctx.threshold[p] = ctx.clock[p] - Math.log(stream.uniform(ctx.eventIndex[p] * BLOCK + ARRIVAL));
    ctx.fireAt.setQuiet(i, r > 0 ? time + (ctx.threshold[p] - ctx.clock[p]) / r : Infinity);
  }
  ctx.fireAt.rebuild();
}
