import type { RunStore } from './run-store.ts';
import type { NewRun, StoredResult } from './run-record.ts';
import { storeError, type StoreError } from './store-error.ts';

/** A run's result, and the store's refusal to record how it ended, if it refused. */
export interface Settled<R extends StoredResult> {
  readonly result: R;
  /** Set when the final write failed: the result is still here, only its record is missing. */
  readonly storeError?: StoreError;
  /**
   * With `storeError`: whether the row could at least be marked `failed` (saying why). If not,
   * it still reads `running` while this process lives, `interrupted` after.
   */
  readonly markedFailed?: boolean;
}

/**
 * Records `work` in the store: a `running` row first (a StoreError if the store refuses it), then
 * `done` (or `cancelled` when the work stopped on its signal) with the result, or `failed` with
 * the error, which is rethrown. Validate the input before calling: bad input must never leave a
 * row behind.
 */
export async function recordRun<R extends StoredResult>(
  store: RunStore,
  run: NewRun,
  work: (id: string) => Promise<R>,
): Promise<Settled<R> & { id: string }> {
  const id = store.start(run);
  return { id, ...(await settleRun(store, id, () => work(id))) };
}

/**
 * Settles an already started row with the outcome of `work`; see `recordRun`. A failing final
 * write never loses the result: it is returned with the StoreError beside it, and the row is
 * marked `failed` with why if the store takes that smaller write.
 */
export async function settleRun<R extends StoredResult>(
  store: RunStore,
  id: string,
  work: () => Promise<R>,
): Promise<Settled<R>> {
  let result: R;
  try {
    result = await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The work's own error matters more than a store that cannot record it.
    tryFinish(store, () => store.finish(id, { status: 'failed', error: message }));
    throw error;
  }
  const status = result.stoppedBy === 'aborted' ? 'cancelled' : 'done';
  const refused = tryFinish(store, () => store.finish(id, { status, result }));
  if (refused === undefined) return { result };
  const error = `its result could not be stored: ${refused.message}`;
  const marked = tryFinish(store, () => store.finish(id, { status: 'failed', error }));
  return { result, storeError: refused, markedFailed: marked === undefined };
}

function tryFinish(store: RunStore, write: () => unknown): StoreError | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    return storeError(store.path, 'write to', error);
  }
}
