// Simulated players on loopback: N exercises of two seats each on one real server (HTTP and the
// play socket), every player answering at once. Counts missed updates (a gap in a seat's `seq`)
// and times each update a player waits for: from sending a decision to the view that shows it.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import WebSocket, { WebSocketServer } from 'ws';
import { createApp } from '../src/server/index.ts';
import type { SeatView } from '../src/server/tabletop/index.ts';
import { RunStore } from '../src/store/index.ts';

const SCENARIOS = fileURLToPath(new URL('../scenarios', import.meta.url));

export interface LoopbackResult {
  readonly players: number;
  /** Seat views received, over all players. */
  readonly updates: number;
  /** Updates a player never received (gaps in its seat's sequence numbers). */
  readonly missed: number;
  /** Players whose exercise they saw end. */
  readonly ended: number;
  /** Decisions the players' final views show answered. */
  readonly answered: number;
  /** Milliseconds from each decision sent to the view that shows it. */
  readonly latenciesMs: readonly number[];
}

/** What each simulated player answers: no to every alert, no move at a rise or an outage. */
const ANSWER: Record<string, string> = { alert: 'veto', rise: 'hold', outage: 'hold' };

export async function playOnLoopback(
  exercises: number,
  /** Korean scenario trial 2 of seed 1 asks both sides 13 decisions. */
  trial = 2,
  timeoutMs = 60_000,
): Promise<LoopbackResult> {
  const store = RunStore.open(':memory:');
  const { app, exercises: registry } = createApp({
    store,
    scenariosDir: SCENARIOS,
    webDist: '/nonexistent',
    limits: { liveExercises: exercises },
    log: (text) => process.stderr.write(text),
  });
  const server = serve({
    fetch: app.fetch,
    hostname: '127.0.0.1',
    port: 0,
    websocket: { server: new WebSocketServer({ noServer: true, maxPayload: 4096 }) },
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; seats: { token: string | null }[] };
  };
  const sockets: WebSocket[] = [];
  let updates = 0;
  let missed = 0;
  let ended = 0;
  let answered = 0;
  const latenciesMs: number[] = [];
  try {
    const created = [];
    for (let i = 0; i < exercises; i++) {
      created.push(
        await post('/api/exercises', {
          scenario: { name: 'korean-peninsula-2026' },
          label: `loopback ${i + 1}`,
          className: 'loopback',
          people: ['north', 'south'],
          seed: 1,
          trial,
          // The debrief's Monte Carlo is not what this measures.
          debriefBranches: 0,
        }),
      );
    }
    const players = created.flatMap((e) => e.seats.map((s) => s.token as string));
    const done = players.map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/api/play?token=${token}`, { origin });
          sockets.push(ws);
          let last: number | null = null;
          const sent = new Map<number, number>();
          ws.on('error', reject);
          ws.on('message', (data: Buffer) => {
            const message = JSON.parse(data.toString()) as { type: string; view?: SeatView };
            if (message.type !== 'seat' || message.view === undefined) {
              reject(new Error(`unexpected message ${data.toString()}`));
              return;
            }
            const view = message.view;
            updates++;
            if (last !== null && view.seq > last + 1) missed += view.seq - last - 1;
            last = view.seq;
            for (const a of view.answers) {
              const at = sent.get(a.question);
              if (at !== undefined) {
                latenciesMs.push(performance.now() - at);
                sent.delete(a.question);
              }
            }
            const q = view.question;
            if (q !== null && !sent.has(q.id) && !view.answers.some((a) => a.question === q.id)) {
              sent.set(q.id, performance.now());
              ws.send(JSON.stringify({ type: 'decide', question: q.id, choice: ANSWER[q.point] }));
            }
            if (view.exercise.status === 'done' || view.exercise.status === 'failed') {
              if (view.exercise.status === 'done') ended++;
              answered += view.answers.length;
              resolve();
            }
          });
        }),
    );
    // Every player connected (each has had its first view) before any crisis starts.
    await new Promise<void>((resolve) => {
      const check = () => (updates >= players.length ? resolve() : setTimeout(check, 5));
      check();
    });
    for (const e of created) await post(`/api/exercises/${e.id}/start`, {});
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(done),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`players not done in ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    clearTimeout(timer);
    return { players: players.length, updates, missed, ended, answered, latenciesMs };
  } finally {
    for (const ws of sockets) ws.close();
    await registry.shutdown();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.close();
  }
}

/** The q-quantile (0–1) of `xs`, by the nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
