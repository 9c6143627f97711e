import type { Recorder } from './recorder.ts';
import { tooManyTraceEvents } from './simulator-limits.ts';

/**
 * Holds a traced trial's events until it ends, then hands them on in time order (ties in the order
 * recorded): the benign tracks of a trial are placed in time only after it ends (quiet-tracks.ts).
 */
export class TraceBuffer implements Recorder {
  private readonly rows: number[][] = [];

  /** `maxRows`: events a trace may hold; beyond it, a ModelLimitError. */
  constructor(private readonly maxRows: number) {}

  clear(): this {
    this.rows.length = 0;
    return this;
  }

  record(
    time: number,
    kind: number,
    actor: number,
    x: number,
    y: number,
    z: number,
    chain: number,
  ): void {
    if (this.rows.length >= this.maxRows) throw tooManyTraceEvents(this.maxRows);
    this.rows.push([time, kind, actor, x, y, z, chain, this.rows.length]);
  }

  /** Forwards every held event in time order and empties the buffer. */
  flushTo(recorder: Recorder): void {
    const rows = this.rows.sort((a, b) => a[0] - b[0] || a[7] - b[7]);
    for (const [time, kind, actor, x, y, z, chain] of rows)
      recorder.record(time, kind, actor, x, y, z, chain);
    this.clear();
  }
}
