/** Drives the tabletop API in memory as the facilitator and as players (by seat token). */
import { createApp, type AccessPolicy, type PetrovApp } from '../../src/server/index.ts';
import { ManualClock } from '../../src/server/tabletop/index.ts';
import { RunStore } from '../../src/store/index.ts';
import { SCENARIOS } from '../helpers/api.ts';

export interface Tabletop extends PetrovApp {
  readonly clock: ManualClock;
  readonly store: RunStore;
  /** A request with `token` as Bearer (none: the facilitator on a server without a token). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
}

export function tabletop(access: Partial<AccessPolicy> = {}): Tabletop {
  const clock = new ManualClock();
  const store = RunStore.open(':memory:');
  const app = createApp({
    store,
    scenariosDir: SCENARIOS,
    webDist: '/nonexistent',
    tabletopClock: clock,
    access,
    log: () => {},
  });
  return {
    ...app,
    clock,
    store,
    call: async (method, path, body, token) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      return app.app.request(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}

/** Lets the episode driver run up to its next question (it runs between awaits). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

export interface Created {
  id: string;
  seats: { actor: string; kind: string; token: string | null }[];
}

export const tokenOf = (created: Created, actor: string): string => {
  const token = created.seats.find((s) => s.actor === actor)?.token;
  if (typeof token !== 'string') throw new Error(`no token for ${actor}`);
  return token;
};
