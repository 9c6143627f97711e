import { statSync } from 'node:fs';

/** What was being done to the store when it failed, as the message says it. */
export type StoreAction = 'open' | 'read' | 'write to';

/**
 * The run store could not be used: one line naming the file, what was tried and why, never a
 * stack. The CLI prints it and exits 2; the server answers it as a 500 with this message.
 */
export class StoreError extends Error {
  constructor(
    readonly path: string,
    readonly action: StoreAction,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot ${action} the run store ${path}: ${reason}`, options);
    this.name = 'StoreError';
  }
}

/** Why SQLite or the file system refused, in words a user can act on; the code stays for searching. */
const REASONS: readonly [RegExp, string][] = [
  [/^SQLITE_(NOTADB|CORRUPT)/, 'not a Petrov run store (not an SQLite database, or corrupt)'],
  [/^SQLITE_READONLY/, 'it (or its directory) is read-only'],
  [/^SQLITE_FULL$/, 'the disk is full'],
  [/^SQLITE_(BUSY|LOCKED)/, 'another process kept it locked for too long'],
  [/^(SQLITE_PERM|SQLITE_AUTH|EACCES|EPERM)/, 'permission denied'],
  // mkdir -p says EEXIST when a parent on the way is a file.
  [/^(ENOTDIR|EEXIST)$/, 'a parent of it is a file, not a directory'],
  [/^EROFS$/, 'it is on a read-only file system'],
  [
    /^SQLITE_CANTOPEN/,
    'the file cannot be opened (check that it and its directory are accessible)',
  ],
];

/** Wraps any failure of the store (SQLite, the file system, a newer schema) as a StoreError. */
export function storeError(path: string, action: StoreAction, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const known =
    typeof code === 'string' ? REASONS.find(([pattern]) => pattern.test(code)) : undefined;
  // Node's own messages start with their code already.
  const detail =
    typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
  const reason = isDirectory(path)
    ? 'it is a directory, not a file'
    : known !== undefined
      ? `${known[1]} (${detail})`
      : detail;
  return new StoreError(path, action, reason, { cause: error });
}

function isDirectory(path: string): boolean {
  try {
    return path !== ':memory:' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}
