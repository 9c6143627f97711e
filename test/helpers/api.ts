/** Drives the HTTP API in memory (`app.request`), on an in-memory store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createApp,
  type AccessPolicy,
  type Limits,
  type PetrovApp,
  type ServerLlm,
} from '../../src/server/index.ts';
import type { WorkerPool } from '../../src/index.ts';
import { RunStore } from '../../src/store/index.ts';

export const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));

export interface TestServer extends PetrovApp {
  readonly store: RunStore;
  /** Everything the server logged (faults only). */
  readonly logged: string[];
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  del(path: string): Promise<Response>;
}

export function testServer(
  options: {
    limits?: Partial<Limits>;
    webDist?: string;
    store?: RunStore;
    clock?: () => number;
    pool?: WorkerPool;
    access?: Partial<AccessPolicy>;
    llm?: ServerLlm;
  } = {},
): TestServer {
  const store = options.store ?? RunStore.open(':memory:');
  const logged: string[] = [];
  const server = createApp({
    store,
    scenariosDir: SCENARIOS,
    webDist: options.webDist ?? join(mkdtempSync(join(tmpdir(), 'petrov-web-')), 'dist'),
    limits: options.limits,
    clock: options.clock,
    pool: options.pool,
    access: options.access,
    llm: options.llm,
    log: (text) => logged.push(text),
  });
  const { app } = server;
  return {
    ...server,
    store,
    logged,
    get: async (path) => app.request(path),
    post: async (path, body) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    // State-changing requests need JSON's content type even without a body (json-only.ts).
    del: async (path) =>
      app.request(path, { method: 'DELETE', headers: { 'content-type': 'application/json' } }),
  };
}

/** The body of an error answer. */
export interface ErrorBody {
  error: string;
  issues: { path: string; line?: number; column?: number; message: string }[];
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Parses a server-sent event stream into its events. */
export function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) =>
        lines
          .filter((l) => l.startsWith(`${name}:`))
          .map((l) => l.slice(name.length + 1).trimStart())
          .join('\n');
      return { event: field('event'), data: JSON.parse(field('data')) as unknown };
    });
}
