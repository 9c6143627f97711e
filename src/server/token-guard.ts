import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';

/** A fresh access token: 32 random bytes, URL-safe, so it fits a `#token=` fragment as is. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The routes a browser reaches through EventSource or WebSocket, which cannot send headers. */
const EVENTS = /^\/api\/(runs\/[^/]+\/events|play)$/;

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Refuses (401) an /api request without `Authorization: Bearer TOKEN`. The progress stream also
 * takes `?token=TOKEN`, since EventSource cannot set headers. Compared in constant time (on
 * SHA-256 digests, so lengths do not leak either).
 */
export function tokenGuard(
  token: string,
  /** Other tokens that pass (players' seat tokens); the routes decide what each may do. */
  alsoAccepted: (given: string) => boolean = () => false,
): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(header)?.[1];
    const query =
      c.req.method === 'GET' && EVENTS.test(c.req.path) ? c.req.query('token') : undefined;
    const given = bearer ?? query;
    const ok =
      given !== undefined && (timingSafeEqual(digest(given), expected) || alsoAccepted(given));
    if (!ok) {
      const problem = given === undefined ? 'missing access token' : 'wrong access token';
      throw new ApiError(
        401,
        problem,
        [
          {
            path: 'Authorization',
            message:
              'send Authorization: Bearer TOKEN with the token petrov serve printed at start (or open the URL it printed)',
          },
        ],
        { 'WWW-Authenticate': 'Bearer realm="petrov"' },
      );
    }
    await next();
  };
}
