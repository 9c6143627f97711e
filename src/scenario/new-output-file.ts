import { appendFileSync, closeSync, openSync } from 'node:fs';
import type { Result } from '../util/index.ts';

/**
 * Creates `file` for a run to append to (a recording of model calls): a file that already exists
 * is refused, never emptied, since it may hold the only copy of calls that cost time and money.
 * `option` names the flag or field in the error (e.g. `--record`).
 */
export function newOutputFile(file: string, option: string): Result<(text: string) => void> {
  try {
    closeSync(openSync(file, 'wx'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EEXIST'
        ? `${file} exists: a recording is never overwritten; name a new file or remove it`
        : `cannot create ${file}: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, issues: [{ path: option, message }] };
  }
  return { ok: true, value: (text) => appendFileSync(file, text) };
}
