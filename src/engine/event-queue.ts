import { ModelLimitError } from './model-limit-error.ts';

/**
 * Scheduled events at known times (decisions landing, perceptions, outage ends), in preallocated
 * typed arrays. A linear scan beats a heap at the handful of pending events a crisis holds.
 * Ties go to the earliest scheduled, so runs are deterministic.
 */
export class EventQueue {
  private readonly time: Float64Array;
  private readonly seq: Float64Array;
  readonly type: Int32Array;
  readonly actor: Int32Array;
  readonly arg: Int32Array;
  readonly origin: Int32Array;
  readonly chain: Int32Array;
  private size = 0;
  private nextSeq = 0;

  constructor(readonly capacity = 4096) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.type = new Int32Array(capacity);
    this.actor = new Int32Array(capacity);
    this.arg = new Int32Array(capacity);
    this.origin = new Int32Array(capacity);
    this.chain = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.nextSeq = 0;
  }

  get length(): number {
    return this.size;
  }

  push(time: number, type: number, actor: number, arg: number, origin: number, chain = 0): void {
    if (this.size === this.capacity) {
      throw new ModelLimitError(
        `more than ${this.capacity} events pending at once: the scenario's rates are implausibly high`,
      );
    }
    const i = this.size++;
    this.time[i] = time;
    this.seq[i] = this.nextSeq++;
    this.type[i] = type;
    this.actor[i] = actor;
    this.arg[i] = arg;
    this.origin[i] = origin;
    this.chain[i] = chain;
  }

  /** Slot of the earliest event, or -1 when empty. */
  peek(): number {
    let best = -1;
    for (let i = 0; i < this.size; i++) {
      if (
        best < 0 ||
        this.time[i] < this.time[best] ||
        (this.time[i] === this.time[best] && this.seq[i] < this.seq[best])
      )
        best = i;
    }
    return best;
  }

  timeAt(slot: number): number {
    return slot < 0 ? Infinity : this.time[slot];
  }

  /** Removes a slot by moving the last event into it; read its fields first. */
  remove(slot: number): void {
    const last = --this.size;
    if (slot !== last) {
      this.time[slot] = this.time[last];
      this.seq[slot] = this.seq[last];
      this.type[slot] = this.type[last];
      this.actor[slot] = this.actor[last];
      this.arg[slot] = this.arg[last];
      this.origin[slot] = this.origin[last];
      this.chain[slot] = this.chain[last];
    }
  }
}
