/**
 * A flag shared with worker threads (on a SharedArrayBuffer): set once to ask the chunks in
 * progress to stop at their next trial, so a cancel takes effect within a trial, not a chunk.
 */
export type StopFlag = Int32Array;

export function newStopFlag(): StopFlag {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function raiseStopFlag(flag: StopFlag): void {
  Atomics.store(flag, 0, 1);
}

/** Thrown by a chunk that saw its stop flag: its partial result is dropped, never merged. */
export class ChunkStopped extends Error {
  constructor() {
    super('chunk stopped on request');
    this.name = 'ChunkStopped';
  }
}

/** Throws ChunkStopped when the flag is raised; called before each trial (an atomic read). */
export function checkStopFlag(flag: StopFlag | undefined): void {
  if (flag !== undefined && Atomics.load(flag, 0) !== 0) throw new ChunkStopped();
}
