import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';

/** `scheme://host[:port]` as browsers send it, or undefined for anything else (`null`, paths). */
export function parseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const bare =
      url.pathname === '/' && url.search === '' && url.hash === '' && !value.endsWith('/');
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses (403) a request whose Origin header (sent by browsers on every cross-origin request and
 * every POST) is neither the server's own (the request's scheme and Host, which hostGuard has
 * checked) nor in `allowed`: another web page must never drive, or read, this server.
 */
export function originGuard(allowed: readonly string[]): MiddlewareHandler {
  const origins = new Set(
    allowed.map((entry) => parseOrigin(entry)).filter((o) => o !== undefined),
  );
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const url = new URL(c.req.url);
      const own = parseOrigin(`${url.protocol}//${c.req.header('host') ?? url.host}`);
      const given = parseOrigin(origin);
      if (given === undefined || (given !== own && !origins.has(given))) {
        throw new ApiError(403, 'cross-origin request refused', [
          {
            path: 'Origin',
            message: `'${origin}' is not this server's origin (${own ?? 'unknown'}) nor allowed by --allow-origin`,
          },
        ]);
      }
    }
    await next();
  };
}
