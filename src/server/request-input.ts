import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, zodToIssues } from './api-error.ts';

/** The JSON body, validated: 400 if it is not JSON, 422 with every issue if it breaks the schema. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let data: unknown;
  try {
    data = await c.req.json();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, 'invalid JSON', [{ path: '', message: `body is not JSON: ${why}` }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(422, 'invalid request', zodToIssues(parsed.error.issues));
  return parsed.data;
}

/** The query string, validated: 400 with every issue. */
export function queryInput<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError(400, 'invalid query', zodToIssues(parsed.error.issues));
  return parsed.data;
}
