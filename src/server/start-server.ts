import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { dbPath, RunStore } from '../store/index.ts';
import { WorkerPool } from '../index.ts';
import { createApp } from './app.ts';
import type { Limits } from './limits.ts';

/** What `petrov serve` was given. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly db?: string;
  readonly workers: number;
  readonly limits: Partial<Limits>;
  readonly log: (text: string) => void;
  /** Resolves when the server should stop. Default: SIGINT or SIGTERM. */
  readonly stop?: Promise<unknown>;
}

const packageDir = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Listens until SIGINT or SIGTERM, then cancels runs in progress, settles them and closes. */
export async function startServer(options: ServeOptions): Promise<void> {
  const path = dbPath({ db: options.db });
  const store = RunStore.open(path);
  // One set of worker threads for every run, started with the first one.
  const pool = new WorkerPool(options.workers);
  const { app, runs } = createApp({
    store,
    scenariosDir: packageDir('scenarios'),
    webDist: packageDir('web/dist'),
    pool,
    limits: options.limits,
    log: options.log,
  });
  try {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    }).catch((error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ': choose another with --port' : '';
      throw new Error(
        `cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}${hint}`,
      );
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    options.log(`petrov serve: http://${host}:${port}/ (API under /api; runs stored in ${path})\n`);
    if (!isLoopback(options.host)) {
      options.log(
        'petrov serve: warning: no authentication; anyone who can reach this address can start runs\n',
      );
    }
    await (options.stop ?? signalled());
    options.log('petrov serve: stopping; cancelling runs in progress\n');
    await runs.shutdown();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await pool.close();
    store.close();
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
