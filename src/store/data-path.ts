import { homedir } from 'node:os';
import { join } from 'node:path';

/** The store's file name inside its data directory. */
export const DB_FILE = 'petrov.db';

/** What decides where the store lives; injected so tests never touch the user's real home. */
export interface DbPathOptions {
  /** `--db FILE`: wins over everything. */
  readonly db?: string;
  /** Environment: `PETROV_DB`, `PETROV_DATA_DIR`, `XDG_DATA_HOME`. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for the last fallback. Default `os.homedir()`. */
  readonly home?: string;
}

/**
 * The run store's file: `--db`, else `$PETROV_DB`, else `petrov.db` in `$PETROV_DATA_DIR`, else in
 * `$XDG_DATA_HOME/petrov`, else in `~/.local/share/petrov` (the XDG default).
 */
export function dbPath(options: DbPathOptions = {}): string {
  const env = options.env ?? process.env;
  const given = nonEmpty(options.db) ?? nonEmpty(env.PETROV_DB);
  if (given !== undefined) return given;
  const dataDir = nonEmpty(env.PETROV_DATA_DIR);
  if (dataDir !== undefined) return join(dataDir, DB_FILE);
  const xdg = nonEmpty(env.XDG_DATA_HOME) ?? join(options.home ?? homedir(), '.local', 'share');
  return join(xdg, 'petrov', DB_FILE);
}

const nonEmpty = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);
