/**
 * A flag shared with worker threads (on a SharedArrayBuffer): raised once to ask the chunks in
 * progress to stop after their current trial, so a cancel takes effect within a trial, not a chunk.
 */
export type StopFlag = Int32Array;

export function newStopFlag(): StopFlag {
  return new Int32Array(new SharedArrayBuffer(4));
}

export function raiseStopFlag(flag: StopFlag): void {
  Atomics.store(flag, 0, 1);
}

/** True once the flag is raised (an atomic read, cheap enough before every trial). */
export function stopRequested(flag: StopFlag | undefined): boolean {
  return flag !== undefined && Atomics.load(flag, 0) !== 0;
}
