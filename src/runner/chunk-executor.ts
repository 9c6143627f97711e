import { newStopFlag, raiseStopFlag } from '../util/index.ts';
import type { ChunkTask } from './chunk-task.ts';
import { WorkerPool } from './worker-pool.ts';

/** Runs chunks of trials, here or on worker threads; results never depend on which. */
export interface ChunkExecutor<R> {
  /** How many chunks to keep in flight. */
  readonly depth: number;
  run(start: number, end: number): Promise<R>;
  close(): Promise<void>;
}

/**
 * With one worker, runs chunks in this thread (`local`), yielding to the event loop between them
 * for progress and signals; with more, or `offThread`, sends `task(start, end)` to worker threads:
 * those of `shared` when given (left running at the end), else a pool of its own. On worker
 * threads, `signal` ends the chunks in flight after their current trial (a flag they share): each
 * returns the trials it ran, and the caller stops taking after the first it takes once aborted.
 */
export function chunkExecutor<R>(
  workers: number,
  local: (start: number, end: number) => R,
  task: (start: number, end: number) => ChunkTask,
  offThread = false,
  shared?: WorkerPool,
  signal?: AbortSignal,
  /**
   * Adds up the results of consecutive slices of a chunk into the chunk's. Given with `signal`, a
   * chunk run in this thread goes in slices of about 50 ms, yielding between them, so a signal
   * (Ctrl-C) is seen within a slice; once aborted, the chunk ends with the slices done.
   */
  combine?: (slices: R[]) => R,
): ChunkExecutor<R> {
  const stop = newStopFlag();
  const onAbort = () => raiseStopFlag(stop);
  if (signal?.aborted) raiseStopFlag(stop);
  else signal?.addEventListener('abort', onAbort, { once: true });
  // Closing lets go of the listener: one run's signal may serve many executors in turn.
  const release = () => signal?.removeEventListener('abort', onAbort);
  const withStop = (start: number, end: number): ChunkTask => ({ ...task(start, end), stop });
  if (shared !== undefined) {
    return {
      depth: 2 * shared.threads,
      run: (start, end) => shared.run(withStop(start, end)) as Promise<R>,
      close: async () => release(),
    };
  }
  if (workers <= 1 && !offThread) {
    return {
      depth: 1,
      async run(start, end) {
        if (signal === undefined || combine === undefined) {
          await new Promise((resolve) => setImmediate(resolve));
          return local(start, end);
        }
        return combine(await runInSlices(local, start, end, signal));
      },
      close: async () => release(),
    };
  }
  const pool = new WorkerPool(Math.max(1, workers));
  return {
    depth: 2 * pool.threads,
    run: (start, end) => pool.run(withStop(start, end)) as Promise<R>,
    close: () => (release(), pool.close()),
  };
}

/** Slices last about this long: short enough for Ctrl-C to feel immediate, long enough to cost nothing. */
const SLICE_MS = 50;

/**
 * Runs [start, end) in this thread as consecutive slices, growing or shrinking each so it takes
 * about SLICE_MS, and yields to the event loop between them; stops early (with at least one slice)
 * once `signal` is aborted. Where the slices fall never changes the numbers: they add up exactly.
 */
async function runInSlices<R>(
  local: (start: number, end: number) => R,
  start: number,
  end: number,
  signal: AbortSignal,
): Promise<R[]> {
  const slices: R[] = [];
  let size = 1;
  for (let from = start; from < end;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted && slices.length > 0) break;
    const to = Math.min(end, from + size);
    const began = performance.now();
    slices.push(local(from, to));
    const ms = performance.now() - began;
    if (ms < SLICE_MS / 2) size *= 2;
    else if (ms > 2 * SLICE_MS) size = Math.max(1, Math.floor(size / 2));
    from = to;
  }
  return slices;
}

/**
 * Runs the given chunks on an executor with up to `depth` in flight and hands each result to
 * `take` in chunk order, so merged results never depend on which worker finished first. Stops
 * when `take` returns true (or the chunks run out); chunks still in flight are dropped, and the
 * executor is closed either way.
 */
export async function runInOrder<R>(
  executor: ChunkExecutor<R>,
  chunks: Iterator<[number, number]>,
  take: (result: R) => boolean,
): Promise<void> {
  const inFlight: Promise<R>[] = [];
  const fill = () => {
    while (inFlight.length < executor.depth) {
      const next = chunks.next();
      if (next.done) return;
      inFlight.push(executor.run(next.value[0], next.value[1]));
    }
  };
  try {
    fill();
    while (inFlight.length > 0) {
      if (take(await (inFlight.shift() as Promise<R>))) return;
      fill();
    }
  } finally {
    // Chunks still running after an early stop are not wanted: let their cancellation pass.
    for (const pending of inFlight) pending.catch(() => undefined);
    await executor.close();
  }
}
