import {
  dbPath,
  RunStore,
  settleRun,
  storeError,
  type NewRun,
  type StoredResult,
} from '../store/index.ts';
import type { CliIo } from './io.ts';

export const DB_HELP =
  'run store file (default: $PETROV_DB, else petrov.db in $PETROV_DATA_DIR, else in $XDG_DATA_HOME/petrov, else in ~/.local/share/petrov)';

/** `--db FILE` as commander parses it. */
export interface DbFlags {
  db?: string;
}

/** `--db` and `--no-store`, as commander parses them. */
export interface StoreFlags extends DbFlags {
  store: boolean;
}

export const NO_STORE_HELP = 'do not record this run in the run store (`petrov runs` lists them)';

/** Opens the store the flags and environment point at (a StoreError if it cannot); the caller closes it. */
export function openStore(flags: DbFlags): RunStore {
  return RunStore.open(dbPath({ db: flags.db }));
}

/** A recorded run's result, the line saying where it was stored, and whether the store failed. */
export interface Recorded<R extends StoredResult> {
  readonly result: R;
  /** For stderr after the result: where it was stored, or why it was not. */
  readonly note: string;
  /** True when the store could not be opened or written: exit 2, the result printed anyway. */
  readonly storeFailed: boolean;
}

/**
 * Runs `work`, recorded in the run store unless `--no-store`. A store that cannot be opened or
 * written never costs the result: the run goes on (or is kept), is printed, and the failure is
 * reported on stderr naming the file, for the caller to exit 2.
 */
export async function recorded<R extends StoredResult>(
  io: CliIo,
  flags: StoreFlags,
  run: NewRun,
  work: () => Promise<R>,
): Promise<Recorded<R>> {
  if (!flags.store) return { result: await work(), note: '', storeFailed: false };
  const path = dbPath({ db: flags.db });
  let store: RunStore | undefined;
  let id: string;
  try {
    store = RunStore.open(path);
    id = store.start(run);
  } catch (error) {
    store?.close();
    const why = storeError(path, 'open', error).message;
    // Said before the run, so a long run does not hide it until the end.
    io.err(`petrov: not storing this run: ${why} (--no-store skips the store)\n`);
    return { result: await work(), note: '', storeFailed: true };
  }
  try {
    const { result, storeError: refused } = await settleRun(store, id, work);
    if (refused === undefined) {
      return { result, note: `stored as run ${id} in ${path}\n`, storeFailed: false };
    }
    return {
      result,
      note: `petrov: the result above is not stored: ${refused.message}\n`,
      storeFailed: true,
    };
  } finally {
    store.close();
  }
}
