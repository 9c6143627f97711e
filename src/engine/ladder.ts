import { exponential } from '../random/index.ts';
import { NUCLEAR_USE_RUNG } from '../scenario/index.ts';
import { Count, Origin, Scheduled, TraceKind } from './codes.ts';
import { AnswerCode } from './compiled-model.ts';
import { Choice, DecisionPoint } from './decision-maker.ts';
import { SeenKind } from './observation.ts';
import type { TrialContext } from './trial-context.ts';

/** The trace's answer code of each rise choice (match, escalate, hold, step down). */
function answerOf(choice: number): number {
  if (choice === Choice.match) return AnswerCode.match;
  if (choice === Choice.escalate) return AnswerCode.escalate;
  if (choice === Choice.hold) return AnswerCode.hold;
  return AnswerCode.deescalate;
}

/**
 * M4: moves an actor to a rung. Reaching limited nuclear use ends the trial (M7) with the origin of
 * the chain that got there; any rise may be perceived by the other side after an exponential delay.
 */
export function setRung(ctx: TrialContext, actor: number, to: number, origin: number): void {
  const from = ctx.rung[actor];
  ctx.rung[actor] = to;
  ctx.origin[actor] = origin;
  ctx.chain[actor] = ctx.activeChain;
  ctx.rungChanged(actor);
  ctx.see(actor, SeenKind.ownRung, to);
  const out = ctx.outcome;
  if (to > out.highestRung[actor]) out.highestRung[actor] = to;
  ctx.record(TraceKind.rungChange, actor, from, to, origin);
  if (to >= NUCLEAR_USE_RUNG) {
    out.nuclearUse = 1;
    out.time = ctx.time;
    out.origin = origin;
    out.user = actor;
    ctx.done = true;
    ctx.record(TraceKind.nuclearUse, actor, to, origin);
    return;
  }
  const observer = ctx.other(actor);
  if (to > from && observer >= 0) {
    const m = ctx.model;
    // One uniform whatever the outcome, so the ladder stream stays aligned across variants.
    if (ctx.ladder.next() < m.perceiveProbability[observer]) {
      const mean = m.perceiveMeanDelay[observer];
      const delay = mean > 0 ? exponential(ctx.ladder, 1 / mean) : 0;
      ctx.queue.push(ctx.time + delay, Scheduled.perception, observer, to, origin, ctx.activeChain);
    }
  }
}

/** A decided response: raise to the target rung; never lowers the rung. */
export function respond(ctx: TrialContext, actor: number, target: number, origin: number): void {
  if (target <= ctx.rung[actor]) {
    ctx.record(TraceKind.responseMoot, actor, target, ctx.rung[actor]);
    return;
  }
  setRung(ctx, actor, target, origin);
}

/**
 * The actor perceives the other side at `perceived` and its decision-maker answers: match,
 * escalate, hold or step down. An answer never climbs past the side's `maxAnswerRung`.
 */
export function answerPerceived(
  ctx: TrialContext,
  actor: number,
  perceived: number,
  origin: number,
): void {
  const m = ctx.model;
  ctx.outcome.counts[Count.perceivedRises]++;
  ctx.perceived[actor] = perceived;
  ctx.see(actor, SeenKind.perceivedRung, perceived);
  ctx.observation.begin(DecisionPoint.rise, actor, ctx.time, m.mode[actor]);
  const choice = ctx.ask(DecisionPoint.rise, actor, 0, false).choice;
  ctx.record(TraceKind.perceived, actor, perceived, answerOf(choice), origin);
  if (choice === Choice.deescalate) {
    stepDown(ctx, actor);
    return;
  }
  if (choice === Choice.hold) return;
  const wanted = choice === Choice.escalate ? perceived + 1 : perceived;
  const target = Math.min(wanted, m.maxAnswerRung[actor]);
  if (target > ctx.rung[actor]) setRung(ctx, actor, target, origin);
}

/** De-escalation by one rung (decay, hotline, or a de-escalating answer). */
export function stepDown(ctx: TrialContext, actor: number): void {
  const from = ctx.rung[actor];
  if (from <= 0 || from >= NUCLEAR_USE_RUNG) return;
  ctx.rung[actor] = from - 1;
  ctx.rungChanged(actor);
  ctx.see(actor, SeenKind.ownRung, from - 1);
  ctx.record(TraceKind.rungChange, actor, from, from - 1, ctx.origin[actor]);
}

/** Deliberate escalation by one rung, where the scenario models intent. */
export function deliberateStep(ctx: TrialContext, actor: number): void {
  ctx.outcome.counts[Count.deliberateSteps]++;
  setRung(ctx, actor, ctx.rung[actor] + 1, Origin.deliberate);
}
