import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Issue, Result } from '../util/index.ts';

/**
 * Reads a user's input file (scenario, part, tilt) as UTF-8 text: only a regular file, at most
 * `maxBytes`, valid UTF-8. A FIFO, device or directory is refused before a byte is read, so
 * `/dev/zero` cannot fill memory and a FIFO cannot hang. Problems are issues naming the file.
 */
export function readInputFile(file: string, maxBytes: number, what: string): Result<string> {
  const fail = (message: string, at: Partial<Issue> = {}): Result<string> => ({
    ok: false,
    issues: [{ path: '', message: `cannot read ${what}: ${message}`, source: file, ...at }],
  });
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail(reason(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fail('is a directory');
    if (!stat.isFile()) return fail('not a regular file (a FIFO, device or socket)');
    if (stat.size > maxBytes) {
      const size = stat.size.toLocaleString('en-US');
      return fail(`${size} bytes, more than the ${maxBytes.toLocaleString('en-US')} allowed`);
    }
    // Read at most one byte past the cap, in case the file grew since fstat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes)
      return fail(`more than the ${maxBytes.toLocaleString('en-US')} bytes allowed`);
    const bytes = buffer.subarray(0, length);
    if (!isUtf8(bytes)) return fail('not valid UTF-8', firstInvalid(bytes));
    return { ok: true, value: bytes.toString('utf8') };
  } catch (error) {
    return fail(reason(error));
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
}

/** Line and column of the first byte that is not valid UTF-8 (columns count characters). */
function firstInvalid(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const size =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (size === 0 || i + size > bytes.length || !isUtf8(bytes.subarray(i, i + size))) break;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += size;
  }
  return { line, column };
}
