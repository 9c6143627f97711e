import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (415) a request that changes state without `Content-Type: application/json`, even with
 * no body: a web page can send text/plain or form bodies anywhere without asking, but JSON
 * needs the browser's CORS preflight, which this server never grants.
 */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (CHANGES_STATE.has(c.req.method)) {
      const type = c.req.header('content-type');
      const media = type?.split(';')[0].trim().toLowerCase();
      if (media !== 'application/json') {
        throw new ApiError(415, 'unsupported content type', [
          {
            path: 'Content-Type',
            message: `${c.req.method} needs application/json, got ${type === undefined ? 'none' : `'${type}'`}`,
          },
        ]);
      }
    }
    await next();
  };
}
