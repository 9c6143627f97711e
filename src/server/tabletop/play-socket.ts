import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { ApiError, zodToIssues } from '../api-error.ts';
import { decideBodySchema } from './exercise-schema.ts';
import type { ExerciseRegistry } from './exercise-registry.ts';
import { seatOf } from './exercise-routes.ts';
import { seatView } from './exercise-views.ts';
import { principalOf } from './principal.ts';

/** Sockets one seat may hold open at once (a player's tabs and reloads). */
export const SOCKETS_PER_SEAT = 8;

/**
 * `GET /api/play?token=SEAT` upgraded to a WebSocket: the seat's view at once and after every
 * change of the exercise (`{type: "seat", view}`), and the player's decisions in
 * (`{type: "decide", question, choice}`; a refused one answers `{type: "error", error, issues}`).
 * The Host and Origin checks have run on the upgrade request; a browser cannot set headers on it,
 * so the seat token comes in the query.
 */
export function playSocket(registry: ExerciseRegistry): Hono {
  const open = new Map<string, number>();
  const api = new Hono();
  api.get(
    '/play',
    upgradeWebSocket((c) => {
      const who = principalOf(c, (t) => registry.seat(t), true);
      const { session, actor } = seatOf(who, registry);
      const key = `${session.head.id}:${actor}`;
      if ((open.get(key) ?? 0) >= SOCKETS_PER_SEAT) {
        throw new ApiError(429, 'too many connections', [
          { path: 'token', message: `at most ${SOCKETS_PER_SEAT} open for one seat` },
        ]);
      }
      let unsubscribe = () => {};
      return {
        onOpen(_event, ws) {
          open.set(key, (open.get(key) ?? 0) + 1);
          const send = () =>
            ws.send(JSON.stringify({ type: 'seat', view: seatView(session, actor) }));
          unsubscribe = session.subscribe(send);
          send();
        },
        onMessage(event, ws) {
          try {
            const text = typeof event.data === 'string' ? event.data : '';
            let data: unknown;
            try {
              data = JSON.parse(text);
            } catch {
              throw new ApiError(400, 'invalid JSON', [
                { path: '', message: 'a message is JSON text' },
              ]);
            }
            const message = data as { type?: unknown };
            if (typeof message === 'object' && message !== null && message.type === 'decide') {
              const { type: _type, ...body } = message as Record<string, unknown>;
              const parsed = decideBodySchema.safeParse(body);
              if (!parsed.success) {
                throw new ApiError(422, 'invalid message', zodToIssues(parsed.error.issues));
              }
              session.decide(actor, parsed.data.question, parsed.data.choice);
            } else {
              throw new ApiError(400, 'unknown message', [
                {
                  path: 'type',
                  message: 'the one message is {"type": "decide", "question", "choice"}',
                },
              ]);
            }
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            ws.send(JSON.stringify({ type: 'error', error: error.message, issues: error.issues }));
          }
        },
        onClose() {
          unsubscribe();
          open.set(key, (open.get(key) ?? 1) - 1);
        },
      };
    }),
  );
  return api;
}
