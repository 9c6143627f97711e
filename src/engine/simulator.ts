import { exponential } from '../random/index.ts';
import { Count, Scheduled, TraceKind } from './codes.ts';
import { classifyTrack } from './classification.ts';
import { endOutage, onLongOutage, startOutage } from './comms.ts';
import {
  D,
  K,
  P_DECAY,
  P_INTENT,
  P_OUTAGE,
  PROCESSES_PER_ACTOR,
  type CompiledModel,
} from './compiled-model.ts';
import { answerPerceived, deliberateStep, respond, stepDown } from './ladder.ts';
import { pickProcess, refreshRates } from './observations.ts';
import type { Recorder } from './recorder.ts';
import { TrialContext } from './trial-context.ts';
import type { TrialOutcome } from './trial-outcome.ts';

/**
 * The event loop. Memoryless processes (tracks, outage starts, decay, intent) are superposed: the
 * next one fires after Exp(total rate) and is picked in proportion to its rate; events at known
 * times wait in a queue. After any event the exponential clock is redrawn, which memorylessness
 * makes exact. A trial is a pure function of (model, seed, trial index).
 */
export class Simulator {
  private readonly ctx: TrialContext;

  constructor(readonly model: CompiledModel) {
    this.ctx = new TrialContext(model);
  }

  /** Runs one trial; the returned outcome is reused by the next call, so copy what you keep. */
  run(seed: number, trial: number, recorder?: Recorder): TrialOutcome {
    const ctx = this.ctx;
    ctx.reset(seed, trial, recorder);
    const queue = ctx.queue;
    const horizon = this.model.horizon;
    const counts = ctx.outcome.counts;
    while (!ctx.done) {
      if (ctx.ratesStale) refreshRates(ctx);
      const slot = queue.peek();
      const scheduledAt = queue.timeAt(slot);
      const nextRandom = ctx.time + exponential(ctx.arrivals, ctx.totalRate);
      if (scheduledAt <= nextRandom) {
        if (scheduledAt >= horizon) break;
        ctx.time = scheduledAt;
        this.handleScheduled(slot);
      } else {
        if (nextRandom >= horizon) break;
        ctx.time = nextRandom;
        this.handleProcess(pickProcess(ctx));
      }
      counts[Count.events]++;
    }
    if (!ctx.done) {
      ctx.time = horizon;
      ctx.activeChain = 0;
      ctx.record(TraceKind.horizon, -1);
    }
    return ctx.outcome;
  }

  private handleScheduled(slot: number): void {
    const ctx = this.ctx;
    const q = ctx.queue;
    const type = q.type[slot];
    const actor = q.actor[slot];
    const arg = q.arg[slot];
    const origin = q.origin[slot];
    ctx.activeChain = q.chain[slot];
    q.remove(slot);
    if (type === Scheduled.response) respond(ctx, actor, arg, origin);
    else if (type === Scheduled.perception) answerPerceived(ctx, actor, arg, origin);
    else if (type === Scheduled.outageEnd) endOutage(ctx, actor);
    else onLongOutage(ctx, actor);
  }

  private handleProcess(p: number): void {
    const ctx = this.ctx;
    const actor = (p / PROCESSES_PER_ACTOR) | 0;
    const j = p - actor * PROCESSES_PER_ACTOR;
    if (j < D * K) {
      ctx.newChain();
      classifyTrack(ctx, actor, (j / K) | 0, j % K);
    } else if (j === P_OUTAGE) {
      ctx.newChain();
      startOutage(ctx, actor);
    } else if (j === P_DECAY) {
      ctx.activeChain = ctx.chain[actor];
      stepDown(ctx, actor);
    } else if (j === P_INTENT) {
      ctx.newChain();
      deliberateStep(ctx, actor);
    }
  }
}
