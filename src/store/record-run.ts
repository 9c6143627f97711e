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
  work: (id: number) => Promise<R>,
): Promise<{ id: number; result: R }> {
  const id = store.start(run);
  let result: R;
  try {
    result = await work(id);
  } catch (error) {
    store.finish(id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  store.finish(id, { status: result.stoppedBy === 'aborted' ? 'cancelled' : 'done', result });
  return { id, result };
}
