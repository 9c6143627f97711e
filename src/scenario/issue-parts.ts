import type { z } from 'zod';
import { excerpt } from '../util/index.ts';
import { unknownFieldMessage } from './field-suggestion.ts';
import type { Segment } from './inspect-document.ts';

/**
 * The one converter from a zod issue to ours (path and message): an unknown key each on its own
 * (zod reports them once per object), a missing field said so, the offending value quoted short.
 */
export function issueParts(issue: z.core.$ZodIssue): { path: Segment[]; message: string }[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, excerpt(key, 100)],
      message: unknownFieldMessage([...path, key]),
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: 'required field is missing' }];
  }
  const got = issue.input;
  const shown = typeof got === 'number' || typeof got === 'boolean' || typeof got === 'string';
  // JSON would print NaN and Infinity as null; a long string is cut short.
  const text =
    typeof got === 'number' && !Number.isFinite(got)
      ? String(got)
      : typeof got === 'string'
        ? JSON.stringify(excerpt(got))
        : JSON.stringify(got);
  return [{ path, message: shown ? `${issue.message} (got ${text})` : issue.message }];
}
