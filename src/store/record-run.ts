import type { RunStore } from './run-store.ts';
import type { NewRun, StoredResult } from './run-record.ts';

/**
 * Records `work` in the store: a `running` row first, then `done` (or `cancelled` when the work
 * stopped on its signal) with the result, or `failed` with the error, which is rethrown.
 * Validate the input before calling: bad input must never leave a row behind.
 */
export async function recordRun<R extends StoredResult>(
  store: RunStore,
  run: NewRun,
  work: (id: string) => Promise<R>,
): Promise<{ id: string; result: R }> {
  const id = store.start(run);
  return { id, result: await settleRun(store, id, () => work(id)) };
}

/** Settles an already started row with the outcome of `work`; see `recordRun`. */
export async function settleRun<R extends StoredResult>(
  store: RunStore,
  id: string,
  work: () => Promise<R>,
): Promise<R> {
  let result: R;
  try {
    result = await work();
  } catch (error) {
    store.finish(id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  store.finish(id, { status: result.stoppedBy === 'aborted' ? 'cancelled' : 'done', result });
  return result;
}
