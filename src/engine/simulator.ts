import { Count, Scheduled, TraceKind } from './codes.ts';
import { classifyHostileTrack } from './classification.ts';
import { closeQuiet, closeTilt } from './close-trial.ts';
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
import { answerPerceived, deliberateStep, perceiveStepDown, respond, stepDown } from './ladder.ts';
import { refreshRates } from './refresh-rates.ts';
import { RatePath, recordQuietTracks } from './quiet-tracks.ts';
import type { DecisionMaker } from './decision-maker.ts';
import type { Recorder } from './recorder.ts';
import type { Tilt } from './tilt.ts';
import { TraceBuffer } from './trace-buffer.ts';
import { TrialContext } from './trial-context.ts';
import { launchStrike, scheduleStrikes, strikeCut, strikeImpact } from './strike.ts';
import { expectedEvents } from './expected-events.ts';
import {
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_TRACE_EVENTS,
  tooManyEvents,
  tooManyExpectedEvents,
  type SimulatorLimits,
} from './simulator-limits.ts';
import type { TrialOutcome } from './trial-outcome.ts';

/**
 * The event loop, by the next-reaction method (Gibson and Bruck 2000). Each Poisson process p has
 * its own unit-rate clock: it fires when its integrated rate reaches a threshold drawn from its
 * own stream, and a rate change only rescales how fast its clock runs. The next process to fire is
 * the one with the least (threshold − clock) / rate; events at known times wait in a queue. This is
 * exact for piecewise-constant rates and keeps the k-th event of every process tied to the same
 * draws in every variant (common random numbers per event). A trial is a pure function of
 * (model, seed, trial index).
 *
 * A track process fires only for the tracks its classifier labels hostile: its clock runs to
 * thresholds spaced by unit exponentials over P(hostile label), the exact thinning of a Poisson
 * process. The benign labels, which change nothing, are counted when the trial ends (`closeQuiet`).
 *
 * Every choice a side makes is its decision-maker's (decision-maker.ts), asked synchronously; an
 * agent that must wait (a person, a remote model) runs through the episode driver instead.
 */
export class Simulator {
  private readonly ctx: TrialContext;
  private readonly buffer: TraceBuffer;
  private readonly path = new RatePath();
  private readonly maxEvents: number;

  constructor(
    readonly model: CompiledModel,
    /** Who decides for each actor, in the model's actor order (the decision port). */
    readonly agents: readonly DecisionMaker[],
    /** Importance sampling's change of measure; default none (plain Monte Carlo). */
    tilt: Tilt | null = null,
    /** Caps on events per trial and per trace; defaults in simulator-limits.ts. */
    limits: SimulatorLimits = {},
  ) {
    this.ctx = new TrialContext(model, agents, tilt);
    this.maxEvents = limits.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.buffer = new TraceBuffer(limits.maxTraceEvents ?? DEFAULT_MAX_TRACE_EVENTS);
    const expected = expectedEvents(this.ctx);
    if (expected > this.maxEvents) throw tooManyExpectedEvents(expected, this.maxEvents);
    // Every trial starts from the same rates: refreshed once here, kept for every reset.
    this.ctx.reset(0, 0, undefined);
    refreshRates(this.ctx);
    this.ctx.keepStartingRates();
  }

  /** True when trials are drawn under a tilt and carry likelihood-ratio weights. */
  get tilted(): boolean {
    return this.ctx.tilt !== null;
  }

  /**
   * Makes the next trials branch at decision `at` (0-based; -1, the default: never) under branch
   * `key` (1 to MAX_BRANCH_KEY): the same past, a fresh future (branch.ts).
   */
  branch(at: number, key: number): void {
    this.ctx.branchAt = at;
    this.ctx.branchKey = key;
  }

  /** Runs one trial; the returned outcome is reused by the next call, so copy what you keep. */
  run(seed: number, trial: number, recorder?: Recorder): TrialOutcome {
    const ctx = this.ctx;
    ctx.reset(seed, trial, recorder === undefined ? undefined : this.buffer.clear());
    if (recorder !== undefined) this.path.clear();
    if (this.model.strikes) scheduleStrikes(ctx);
    const queue = ctx.queue;
    const horizon = this.model.horizon;
    const counts = ctx.outcome.counts;
    const rates = ctx.rates;
    const fireAt = ctx.fireAt;
    const trackAt = ctx.trackAt;
    const tracks = ctx.trackProcesses;
    const others = ctx.otherProcesses;
    const maxEvents = this.maxEvents;
    while (!ctx.done) {
      if (ctx.ratesStale) this.changeRates();
      // The next track firing (trial-context.ts, `trackAt`), written out: a getter here was called,
      // not inlined. Rounding after a change of multiplier must not put an event before the present.
      const multiplier = ctx.trackMultiplier;
      let trackTime = Infinity;
      if (multiplier > 0) {
        trackTime = ctx.trackSyncedAt + (trackAt.minValue - ctx.trackClock) / multiplier;
        if (!(trackTime > ctx.time)) trackTime = ctx.time;
      }
      const otherTime = fireAt.minValue;
      const slot = queue.peek();
      const scheduledAt = queue.timeAt(slot);
      const processTime = trackTime <= otherTime ? trackTime : otherTime;
      const at = scheduledAt <= processTime ? scheduledAt : processTime;
      if (at >= horizon) break;
      ctx.time = at;
      if (scheduledAt <= processTime) {
        this.handleScheduled(slot);
      } else if (trackTime <= otherTime) {
        // The shared track clock lands exactly on this process's threshold.
        const leaf = trackAt.minIndex;
        const p = tracks[leaf];
        ctx.trackClock = trackAt.minValue;
        ctx.trackSyncedAt = at;
        ctx.threshold[p] += ctx.fire(p) / ctx.trackScale[p];
        trackAt.set(leaf, ctx.threshold[p]);
        this.handleProcess(p);
      } else {
        // The process's clock lands exactly on its threshold; its next threshold and this event's
        // marks come from its own counters.
        const leaf = fireAt.minIndex;
        const p = others[leaf];
        ctx.clock[p] = ctx.threshold[p];
        ctx.syncedAt[p] = at;
        ctx.threshold[p] += ctx.fire(p);
        fireAt.set(leaf, at + (ctx.threshold[p] - ctx.clock[p]) / rates[p]);
        this.handleProcess(p);
      }
      if (++counts[Count.events] > maxEvents) throw tooManyEvents(maxEvents, seed, trial);
    }
    if (!ctx.done) {
      ctx.time = horizon;
      ctx.activeChain = 0;
      ctx.record(TraceKind.horizon, -1);
    }
    closeQuiet(ctx);
    closeTilt(ctx);
    if (recorder !== undefined) {
      recordQuietTracks(ctx, this.path, this.buffer);
      this.buffer.flushTo(recorder);
    }
    return ctx.outcome;
  }

  /** After a state change: new rates, and a traced trial keeps them to place its benign tracks. */
  private changeRates(): void {
    const ctx = this.ctx;
    refreshRates(ctx);
    if (ctx.recorder !== undefined) this.path.add(ctx.time, ctx.currentRates());
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
    else if (type === Scheduled.outageLong) onLongOutage(ctx, actor);
    else if (type === Scheduled.perceptionDown) perceiveStepDown(ctx, actor, arg);
    else if (type === Scheduled.strike) launchStrike(ctx, actor);
    else if (type === Scheduled.strikeImpact) strikeImpact(ctx, actor, arg);
    else strikeCut(ctx, actor);
  }

  private handleProcess(p: number): void {
    const ctx = this.ctx;
    const actor = (p / PROCESSES_PER_ACTOR) | 0;
    const j = p - actor * PROCESSES_PER_ACTOR;
    if (j < D * K) {
      ctx.newChain();
      classifyHostileTrack(ctx, actor, (j / K) | 0, j % K);
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
