import { NUCLEAR_USE_RUNG } from '../scenario/index.ts';
import { classifyHostileTrack } from './classification.ts';
import { Count, Flag, Origin, Scheduled, TraceKind } from './codes.ts';
import { D } from './compiled-model.ts';
import { BLOCK } from './event-marks.ts';
import { perceiveRise, setRung } from './ladder.ts';
import { SeenKind } from './observation.ts';
import type { TrialContext } from './trial-context.ts';

/** The strike's domain (DOMAINS[0]) and the slots of its stream's first block. */
const BALLISTIC = 0;
const GENUINE = 0;
const Slot = { time: 0, label: 1, survives: 2 } as const;

/**
 * A declared deliberate disarming strike (issue 13): at its time, or at the first event of its
 * rate, unless a nuclear use came first. It is the attacker's use (cause deliberate). The target's
 * warning chain sees a genuine ballistic attack and decides as for any other (M2, M3); at impact
 * the target's leadership link is cut for good, the detonation may be perceived (M4), and once
 * the forces have been cut off for the decapitation threshold they act on pre-delegated authority
 * if they hold it. A successor command, if one survives, keeps the link and answers as the side's
 * doctrine says. Each attacker has its own stream, so the strike leaves every other draw in place.
 */
export function scheduleStrikes(ctx: TrialContext): void {
  const m = ctx.model;
  if (!m.strikes) return;
  for (let a = 0; a < m.actorCount; a++) {
    const rate = m.strikeRate[a];
    if (!(m.strikeAt[a] >= 0) && !(rate > 0)) continue;
    const stream = ctx.strikeStream(a);
    const at = m.strikeAt[a] >= 0 ? m.strikeAt[a] : -Math.log(stream.uniform(Slot.time)) / rate;
    if (at < m.horizon) ctx.queue.push(at, Scheduled.strike, a, 0, Origin.disarmingStrike, 0);
  }
}

export function launchStrike(ctx: TrialContext, attacker: number): void {
  const m = ctx.model;
  const target = ctx.other(attacker);
  const out = ctx.outcome;
  if (out.nuclearUse === 1) {
    ctx.record(TraceKind.strike, attacker, target, 1);
    return;
  }
  ctx.newChain();
  out.flags[Flag.disarmingStrike] = 1;
  ctx.struck[target] = 1;
  ctx.record(TraceKind.strike, attacker, target, 0);
  const stream = ctx.strikeStream(attacker);
  const impact = ctx.time + m.timeToImpact[target * D + BALLISTIC];
  ctx.queue.push(
    impact,
    Scheduled.strikeImpact,
    target,
    attacker,
    Origin.disarmingStrike,
    ctx.activeChain,
  );
  // The launch is the use; the target perceives it at the earliest at impact (its warning chain
  // sees the missiles before that).
  setRung(ctx, attacker, NUCLEAR_USE_RUNG, Origin.disarmingStrike, false);
  if (ctx.done) return;
  ctx.useMarks(stream, BLOCK);
  if (stream.uniform(Slot.label) < m.falseNegative[target * D + BALLISTIC]) {
    out.counts[Count.tracks]++;
    out.counts[Count.genuineMissed]++;
    ctx.record(TraceKind.track, target, BALLISTIC, GENUINE);
    ctx.record(TraceKind.labelBenign, target, BALLISTIC);
    ctx.unanswered(target, BALLISTIC);
    return;
  }
  classifyHostileTrack(ctx, target, BALLISTIC, GENUINE);
}

export function strikeImpact(ctx: TrialContext, target: number, attacker: number): void {
  const m = ctx.model;
  const survives = ctx.strikeStream(attacker).uniform(Slot.survives) < m.survivingCommand[target];
  ctx.leaderless[target] = 1;
  ctx.commandSurvives[target] = survives ? 1 : 0;
  ctx.record(TraceKind.strikeImpact, target, survives ? 1 : 0);
  if (ctx.inOutage[target] === 0) {
    ctx.inOutage[target] = 1;
    ctx.outageChanged(target);
    ctx.outcome.counts[Count.outages]++;
    ctx.see(target, SeenKind.linkDown, 0);
  }
  perceiveRise(ctx, attacker, ctx.rung[attacker]);
  if (!survives) {
    const at = ctx.time + m.decapitationThreshold[target];
    ctx.queue.push(at, Scheduled.strikeCut, target, 0, Origin.disarmingStrike, ctx.activeChain);
  }
}

/** Forces cut off by the strike: pre-delegated authority acts; without it nobody can order use. */
export function strikeCut(ctx: TrialContext, target: number): void {
  const m = ctx.model;
  const predelegated = m.predelegated[target] === 1;
  ctx.record(TraceKind.decapitation, target, predelegated ? 1 : 0);
  const to = predelegated ? m.predelegationRung[target] : m.rungWithoutPredelegation[target];
  if (to > ctx.rung[target]) setRung(ctx, target, to, Origin.disarmingStrike);
}
