/**
 * Real time for the tabletop: when a decision window closes, and how long a player took. Injected
 * so tests move time by hand and are never timed.
 */
export interface TabletopClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls `fire` once after `ms` milliseconds; returns a function that cancels it. */
  after(ms: number, fire: () => void): () => void;
}

export const realClock: TabletopClock = {
  now: () => performance.now(),
  after: (ms, fire) => {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

/** A clock tests advance by hand: timers fire, in order, as `advance` passes them. */
export class ManualClock implements TabletopClock {
  private time = 0;
  private timers: { at: number; fire: () => void; live: boolean }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, fire: () => void): () => void {
    const timer = { at: this.time + ms, fire, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }

  /** Moves time on by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.live && t.at <= end)
        .sort((a, b) => a.at - b.at)[0] as (typeof this.timers)[number] | undefined;
      if (due === undefined) break;
      due.live = false;
      this.time = due.at;
      due.fire();
    }
    this.timers = this.timers.filter((t) => t.live);
    this.time = end;
  }
}
