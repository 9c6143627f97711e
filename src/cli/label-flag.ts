import { InvalidArgumentError } from 'commander';

export const LABEL_HELP =
  'a name for this run in `petrov runs list` and the web app (at most 200 characters)';

/** Parses `--label`: one line of printable text, so a list stays one row per run. */
export function label(value: string): string {
  const text = value.trim();
  if (text === '' || text.length > 200 || /[\p{Cc}]/u.test(text))
    throw new InvalidArgumentError('expected 1 to 200 characters on one line');
  return text;
}
