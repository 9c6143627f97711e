import { exponential } from '../random/index.ts';
import { NUCLEAR_USE_RUNG, RUNGS } from '../scenario/index.ts';
import { Count, Flag, Origin, Scheduled, TraceKind } from './codes.ts';
import { AnswerCode, R } from './compiled-model.ts';
import { Choice, DecisionPoint } from './decision-maker.ts';
import { SeenKind } from './observation.ts';
import { askDecision } from './ask-decision.ts';
import type { TrialContext } from './trial-context.ts';

/** The trace's answer code of each rise choice (match, escalate, hold, step down). */
const GENERAL_WAR_RUNG = RUNGS.length - 1;

function answerOf(choice: number): number {
  if (choice === Choice.match) return AnswerCode.match;
  if (choice === Choice.escalate) return AnswerCode.escalate;
  if (choice === Choice.hold) return AnswerCode.hold;
  return AnswerCode.deescalate;
}

/**
 * M4: moves an actor to a rung. The first rung at or above limited nuclear use is the trial's
 * first use (M7), with the origin of the chain that got there; the crisis then goes on — the other
 * side may perceive it and answer — until general nuclear war or the horizon (under importance
 * sampling it ends at the first use). Any change may be perceived by the other side after an
 * exponential delay, with the probability and mean delay of the rung changed to.
 */
export function setRung(
  ctx: TrialContext,
  actor: number,
  to: number,
  origin: number,
  /** Whether the other side may perceive the move now; default true (a strike's waits for impact). */
  perceivable = true,
): void {
  const from = ctx.rung[actor];
  const enabling = ctx.origin[actor];
  ctx.rung[actor] = to;
  ctx.origin[actor] = origin;
  ctx.chain[actor] = ctx.activeChain;
  ctx.rungChanged(actor);
  ctx.see(actor, SeenKind.ownRung, to);
  const out = ctx.outcome;
  if (to > out.highestRung[actor]) out.highestRung[actor] = to;
  ctx.record(TraceKind.rungChange, actor, from, to, origin);
  if (to >= NUCLEAR_USE_RUNG) {
    if (out.nuclearUse === 0) {
      out.nuclearUse = 1;
      out.time = ctx.time;
      out.origin = origin;
      out.user = actor;
      out.rootOrigin = enabling !== Origin.none ? enabling : origin;
      ctx.record(TraceKind.nuclearUse, actor, to, origin);
    } else if (actor !== out.user) out.flags[Flag.retaliation] = 1;
    if (ctx.struck[actor] === 1) out.flags[Flag.strikeRetaliated] = 1;
    if (!ctx.playPastUse) {
      ctx.done = true;
      return;
    }
    if (to >= GENERAL_WAR_RUNG) {
      out.flags[Flag.generalWar] = 1;
      out.generalWarTime = ctx.time;
      ctx.done = true;
      return;
    }
  }
  if (to > from && perceivable) perceive(ctx, actor, to, Scheduled.perception);
}

/** The other side may perceive actor's rise to `to`, from now. */
export function perceiveRise(ctx: TrialContext, actor: number, to: number): void {
  perceive(ctx, actor, to, Scheduled.perception);
}

/** The other side may perceive actor's move to rung `to` (one ladder uniform whatever happens). */
function perceive(ctx: TrialContext, actor: number, to: number, type: number): void {
  const observer = ctx.other(actor);
  if (observer < 0) return;
  const m = ctx.model;
  // One uniform whatever the outcome, so the ladder stream stays aligned across variants.
  if (ctx.ladder.next() < m.perceiveProbability[observer * R + to]) {
    const mean = m.perceiveMeanDelay[observer * R + to];
    const delay = mean > 0 ? exponential(ctx.ladder, 1 / mean) : 0;
    ctx.queue.push(ctx.time + delay, type, observer, to, ctx.origin[actor], ctx.activeChain);
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
  const choice = askDecision(ctx, DecisionPoint.rise, actor, 0, false).choice;
  ctx.record(TraceKind.perceived, actor, perceived, answerOf(choice), origin);
  if (choice === Choice.deescalate) {
    stepDown(ctx, actor);
    return;
  }
  if (choice === Choice.hold) return;
  // A side whose leadership a strike destroyed cannot order an answer, unless a successor survived.
  if (ctx.leaderless[actor] === 1 && ctx.commandSurvives[actor] === 0) {
    ctx.blocked(actor, 1);
    return;
  }
  // The answer aims at the rung as perceived now (a later step down may have been seen first).
  const seen = ctx.perceived[actor];
  const wanted = choice === Choice.escalate ? seen + 1 : seen;
  const target = Math.min(wanted, m.maxAnswerRung[actor]);
  if (target > ctx.rung[actor]) setRung(ctx, actor, target, origin);
}

/** De-escalation by one rung (decay, hotline, or a de-escalating answer); it may be perceived. */
export function stepDown(ctx: TrialContext, actor: number): void {
  const from = ctx.rung[actor];
  if (from <= 0 || from >= NUCLEAR_USE_RUNG) return;
  ctx.rung[actor] = from - 1;
  ctx.rungChanged(actor);
  ctx.see(actor, SeenKind.ownRung, from - 1);
  ctx.record(TraceKind.rungChange, actor, from, from - 1, ctx.origin[actor]);
  perceive(ctx, actor, from - 1, Scheduled.perceptionDown);
}

/** The actor perceives the other side stepped down to `rung`: it knows, and does not answer. */
export function perceiveStepDown(ctx: TrialContext, actor: number, rung: number): void {
  ctx.perceived[actor] = rung;
  ctx.see(actor, SeenKind.perceivedRung, rung);
  ctx.record(TraceKind.perceivedDown, actor, rung);
}

/** Deliberate escalation by one rung, where the scenario models intent. */
export function deliberateStep(ctx: TrialContext, actor: number): void {
  ctx.outcome.counts[Count.deliberateSteps]++;
  setRung(ctx, actor, ctx.rung[actor] + 1, Origin.deliberate);
}
