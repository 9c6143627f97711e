import { TraceKind } from './codes.ts';
import { D, K, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import { ModelLimitError } from './model-limit-error.ts';
import type { Recorder } from './recorder.ts';
import { QUIET_TIMES } from './event-marks.ts';
import type { TrialContext } from './trial-context.ts';

/** The rates of a traced trial, one row per change, so benign tracks can be placed in time. */
export class RatePath {
  private readonly times: number[] = [];
  private readonly rows: Float64Array[] = [];

  clear(): void {
    this.times.length = 0;
    this.rows.length = 0;
  }

  /** From `time` on the processes run at `rates` (copied). */
  add(time: number, rates: Float64Array): void {
    this.times.push(time);
    this.rows.push(Float64Array.from(rates));
  }

  /**
   * The time at which process p's integrated rate reaches `target`, walking the rows up to `end`
   * (the end of the trial when the integral falls short by rounding).
   */
  timeAt(p: number, target: number, end: number): number {
    let integrated = 0;
    for (let i = 0; i < this.times.length && this.times[i] < end; i++) {
      const from = this.times[i];
      const to = i + 1 < this.times.length ? Math.min(end, this.times[i + 1]) : end;
      const rate = this.rows[i][p];
      const gained = rate * (to - from);
      if (rate > 0 && integrated + gained >= target) return from + (target - integrated) / rate;
      integrated += gained;
    }
    return end;
  }

  /** Process p's integrated rate from the start to `end`. */
  integral(p: number, end: number): number {
    let integrated = 0;
    for (let i = 0; i < this.times.length && this.times[i] < end; i++) {
      const to = i + 1 < this.times.length ? Math.min(end, this.times[i + 1]) : end;
      integrated += this.rows[i][p] * (to - this.times[i]);
    }
    return integrated;
  }
}

/** A trace lists every track; beyond this many it would not fit in memory as a document. */
export const MAX_TRACED_TRACKS = 1_000_000;

/**
 * Records the benign tracks of a finished traced trial (counted by `closeQuiet`). Given their
 * count, their times are independent draws from their process's rate over the trial, placed by
 * inverting its integral at a uniform from the process's own stream; each starts a chain of its own.
 */
export function recordQuietTracks(ctx: TrialContext, path: RatePath, recorder: Recorder): void {
  const m = ctx.model;
  const active = m.activeProcesses;
  let total = 0;
  for (let i = 0; i < active.length; i++) total += ctx.quiet[active[i]];
  if (total > MAX_TRACED_TRACKS) {
    throw new ModelLimitError(
      `this trial has ${total.toLocaleString('en-US')} tracks labelled benign, too many to trace ` +
        `(at most ${MAX_TRACED_TRACKS.toLocaleString('en-US')}): lower the track rates or the horizon to trace it`,
    );
  }
  const end = ctx.time;
  for (let i = 0; i < active.length; i++) {
    const p = active[i];
    const n = ctx.quiet[p];
    if (n === 0) continue;
    const actor = (p / PROCESSES_PER_ACTOR) | 0;
    const j = p - actor * PROCESSES_PER_ACTOR;
    const domain = (j / K) | 0;
    const kind = j % K;
    const total = path.integral(p, end);
    const stream = ctx.processStream[p];
    for (let e = 0; e < n; e++) {
      const time = path.timeAt(p, stream.uniform(QUIET_TIMES - e) * total, end);
      const chain = ctx.newChain();
      recorder.record(time, TraceKind.track, actor, domain, kind, 0, chain);
      recorder.record(
        time,
        TraceKind.labelBenign,
        actor,
        domain,
        m.usesAi[actor * D + domain],
        0,
        chain,
      );
    }
  }
}
