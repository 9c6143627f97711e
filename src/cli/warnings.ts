import { formatIssue, noEffectWarnings } from '../index.ts';
import type { CliIo } from './io.ts';

/** Prints on stderr, as `warning: FILE:LINE:COL: path: message`, fields of a file that do nothing. */
export function warnNoEffect(io: CliIo, file: string, text: string): void {
  for (const w of noEffectWarnings(text, file)) io.err(`warning: ${formatIssue(w)}\n`);
}
