import { dbPath, recordRun, RunStore, type NewRun, type StoredResult } from '../store/index.ts';
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

/** Opens the store the flags and environment point at; the caller closes it. */
export function openStore(flags: DbFlags): RunStore {
  return RunStore.open(dbPath({ db: flags.db }));
}

/**
 * Runs `work`, recorded in the run store unless `--no-store`. A store that cannot be opened is
 * a warning, not a failure: the run is worth more than its record. Returns the line saying where
 * it was stored, for the caller to print after the result.
 */
export async function recorded<R extends StoredResult>(
  io: CliIo,
  flags: StoreFlags,
  run: NewRun,
  work: () => Promise<R>,
): Promise<{ result: R; note: string }> {
  if (!flags.store) return { result: await work(), note: '' };
  const path = dbPath({ db: flags.db });
  let store: RunStore;
  try {
    store = RunStore.open(path);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.err(`petrov: not storing this run: cannot open ${path}: ${why} (--no-store skips it)\n`);
    return { result: await work(), note: '' };
  }
  try {
    const { id, result } = await recordRun(store, run, work);
    return { result, note: `stored as run ${id} in ${path}\n` };
  } finally {
    store.close();
  }
}
