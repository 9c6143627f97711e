import { hostname, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { dbPath, RunStore } from '../store/index.ts';
import { InputError, WorkerPool } from '../index.ts';
import { createApp } from './app.ts';
import type { Limits } from './limits.ts';
import { isLoopback } from './loopback.ts';
import type { ServerLlm } from './server-llm.ts';
import { newToken } from './token-guard.ts';

/** What `petrov serve` was given. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly db?: string;
  readonly workers: number;
  readonly limits: Partial<Limits>;
  /** `--allow-host`: Host names (or `name:port`) accepted besides loopback ones. Default none. */
  readonly allowHosts?: readonly string[];
  /** `--allow-origin`: origins accepted besides the server's own. Default none. */
  readonly allowOrigins?: readonly string[];
  /**
   * `--token` or PETROV_TOKEN: required on every /api request. Default: none on loopback, a fresh
   * random one when binding beyond it.
   */
  readonly token?: string;
  readonly log: (text: string) => void;
  /** `--llm-url` and its options: the model runs may put in a side's chair. Default none. */
  readonly llm?: ServerLlm;
  /** Resolves when the server should stop. Default: SIGINT or SIGTERM. */
  readonly stop?: Promise<unknown>;
}

const packageDir = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Listens until SIGINT or SIGTERM, then cancels runs in progress, settles them and closes. Beyond
 * loopback it always requires an access token, printed at start in the URL to open.
 */
export async function startServer(options: ServeOptions): Promise<void> {
  const path = dbPath({ db: options.db });
  const exposed = !isLoopback(options.host);
  const token = options.token ?? (exposed ? newToken() : undefined);
  const store = RunStore.open(path);
  // One set of worker threads for every run, started with the first one.
  const pool = new WorkerPool(options.workers);
  const { app, runs, exercises } = createApp({
    store,
    scenariosDir: packageDir('scenarios'),
    webDist: packageDir('web/dist'),
    pool,
    limits: options.limits,
    log: options.log,
    llm: options.llm,
    access: {
      allowedHosts: [...(options.allowHosts ?? []), ...(exposed ? boundNames(options.host) : [])],
      allowedOrigins: options.allowOrigins ?? [],
      token,
    },
  });
  try {
    const server = serve({
      fetch: app.fetch,
      hostname: options.host,
      port: options.port,
      // The tabletop's play socket; messages are small decisions.
      websocket: { server: new WebSocketServer({ noServer: true, maxPayload: 4096 }) },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    }).catch((error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ': choose another with --port' : '';
      const why = `cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}${hint}`;
      throw new InputError([{ path: '--port', message: why }]);
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    options.log(`petrov serve: http://${host}:${port}/ (API under /api; runs stored in ${path})\n`);
    if (token !== undefined) {
      // A wildcard address is no place to open; this machine's name is.
      const open = isWildcard(options.host) ? hostname() : host;
      options.log(
        `petrov serve: open http://${open}:${port}/#token=${encodeURIComponent(token)} (API requests need Authorization: Bearer <token>)\n`,
      );
    }
    await (options.stop ?? signalled());
    options.log('petrov serve: stopping; cancelling runs in progress\n');
    await Promise.all([runs.shutdown(), exercises.shutdown()]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await pool.close();
    store.close();
  }
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

/**
 * The names clients use to reach a server bound beyond loopback, accepted as Host: the address
 * itself, or for a wildcard address every address of this machine and its host name.
 */
function boundNames(host: string): string[] {
  if (!isWildcard(host)) return [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => (a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address));
  return [...addresses, hostname()];
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
