import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';
import { isLoopback } from './loopback.ts';

/** `host` or `host:port` as `URL` normalises it, or undefined when it is not a host at all. */
export function parseHost(value: string): { hostname: string; host: string } | undefined {
  if (value === '' || /[/?#@\s\\]/.test(value)) return undefined;
  try {
    const url = new URL(`http://${value}`);
    return { hostname: url.hostname, host: url.host };
  } catch {
    return undefined;
  }
}

/**
 * Refuses (403) a request whose Host header is neither a loopback name nor in `allowed`: a page
 * that rebinds its own DNS name to 127.0.0.1 still sends that name, so it never gets an answer.
 * An entry `name` accepts any port, `name:port` only that one.
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler {
  const entries = allowed.map((entry) => parseHost(entry)).filter((e) => e !== undefined);
  const names = new Set(entries.filter((e) => e.host === e.hostname).map((e) => e.hostname));
  const hosts = new Set(entries.map((e) => e.host));
  return async (c, next) => {
    // In-memory requests (tests) have no Host header: the URL's host stands in for it.
    const value = c.req.header('host') ?? new URL(c.req.url).host;
    const host = parseHost(value);
    const ok =
      host !== undefined &&
      (isLoopback(host.hostname) || names.has(host.hostname) || hosts.has(host.host));
    if (!ok) {
      throw new ApiError(403, 'host not allowed', [
        {
          path: 'Host',
          message: `'${value}' is not a loopback name (localhost, 127.0.0.1, [::1]) nor allowed by --allow-host: refused against DNS rebinding`,
        },
      ]);
    }
    await next();
  };
}
