import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { isModelLimit, type Issue } from '../index.ts';
import { StoreError } from '../store/index.ts';

/** An issue as the API sends it: where (path, and line and column in scenario text) and what. */
export interface ApiIssue {
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** Every error answer: `{ error, issues }`. */
export interface ApiErrorBody {
  readonly error: string;
  readonly issues: readonly ApiIssue[];
}

/** A 4xx (or 5xx) with the issue list the CLI would print; thrown anywhere, answered by onError. */
export class ApiError extends HTTPException {
  readonly issues: readonly ApiIssue[];

  constructor(
    status: ContentfulStatusCode,
    error: string,
    issues: readonly Issue[] = [],
    /** Response headers to send with it (`WWW-Authenticate` on a 401). Default none. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(status, { message: error });
    this.issues = issues.map(toApiIssue);
  }
}

/** Drops what only makes sense on a command line (`source`, e.g. `--set a=b`), keeps position. */
export function toApiIssue(issue: Issue): ApiIssue {
  const { path, line, column, message } = issue;
  return {
    path,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    message,
  };
}

/** Zod's issues on a request body as ours: one per unknown field, each naming its path. */
export function zodToIssues(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        message: 'unknown field',
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

/** The one error-to-response mapping: expected problems as their issues, faults as a bare 500. */
export function errorResponse(error: Error, c: Context, log: (text: string) => void): Response {
  if (error instanceof ApiError) {
    return c.json({ error: error.message, issues: error.issues }, error.status, error.headers);
  }
  if (isModelLimit(error)) {
    const body: ApiErrorBody = { error: error.message, issues: [] };
    return c.json(body, 422);
  }
  if (error instanceof StoreError) {
    // The store's own one-line message: which file, and why, is what the user must fix.
    log(`petrov serve: ${c.req.method} ${c.req.path}: ${error.message}\n`);
    const body: ApiErrorBody = { error: error.message, issues: [] };
    return c.json(body, 500);
  }
  if (error instanceof HTTPException) {
    const body: ApiErrorBody = { error: error.message || 'request failed', issues: [] };
    return c.json(body, error.status);
  }
  log(`petrov serve: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}\n`);
  const body: ApiErrorBody = { error: 'internal error: see the server log', issues: [] };
  return c.json(body, 500);
}
