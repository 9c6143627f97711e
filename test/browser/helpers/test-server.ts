import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createApp, type Limits, type ServerLlm } from '../../../src/server/index.ts';
import type { TabletopClock } from '../../../src/server/tabletop/index.ts';
import { RunStore } from '../../../src/store/index.ts';
import { buildWebApp } from './build-web.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface TestServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/**
 * The real app (`createApp`) on an ephemeral 127.0.0.1 port, with a temp run store and the web
 * app freshly built from source; `close` cancels runs and removes the temp files.
 */
export async function startTestServer(
  options: { tabletopClock?: TabletopClock; limits?: Partial<Limits>; llm?: ServerLlm } = {},
): Promise<TestServer> {
  const webDist = buildWebApp();
  const dataDir = mkdtempSync(join(tmpdir(), 'petrov-store-'));
  const store = RunStore.open(join(dataDir, 'runs.db'));
  const { app, runs, exercises } = createApp({
    store,
    scenariosDir: join(ROOT, 'scenarios'),
    webDist,
    log: () => {},
    ...options,
  });
  const server = serve({
    fetch: app.fetch,
    hostname: '127.0.0.1',
    port: 0,
    websocket: { server: new WebSocketServer({ noServer: true, maxPayload: 4096 }) },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await Promise.all([runs.shutdown(), exercises.shutdown()]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}
