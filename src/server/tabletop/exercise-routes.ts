import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../api-error.ts';
import { jsonBody, queryInput } from '../request-input.ts';
import { classView } from './class-view.ts';
import { decideBodySchema, exerciseBodySchema, joinBodySchema } from './exercise-schema.ts';
import type { ExerciseRegistry } from './exercise-registry.ts';
import type { ExerciseSession } from './exercise-session.ts';
import { exerciseView, seatView } from './exercise-views.ts';
import { facilitatorOnly, principalOf, type Principal } from './principal.ts';

const listQuery = z.strictObject({
  className: z.string().max(200).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, 'expected a whole number from 1 to 9999')
    .transform(Number)
    .optional(),
});

/** The seat of a player's request, in play here; 403 for anyone else, 410 once it is gone. */
export function seatOf(
  who: Principal,
  registry: ExerciseRegistry,
): { session: ExerciseSession; actor: string } {
  if (who.kind !== 'player') {
    throw new ApiError(403, 'seat token needed', [
      { path: 'Authorization', message: 'send the seat token of a join link as Bearer' },
    ]);
  }
  const session = registry.session(who.exerciseId);
  if (session === undefined) {
    throw new ApiError(410, 'exercise gone', [
      { path: 'Authorization', message: `exercise ${who.exerciseId} is no longer in play here` },
    ]);
  }
  return { session, actor: who.actor };
}

/**
 * Exercises (the facilitator's: create, list, read, start, stop, delete, the class view) and the
 * seat (a player's: read, join, decide); the live play socket is play-socket.ts.
 */
export function exerciseRoutes(registry: ExerciseRegistry): Hono {
  const api = new Hono();
  const who = (c: Parameters<typeof principalOf>[0]) => principalOf(c, (t) => registry.seat(t));

  api.post('/exercises', async (c) => {
    facilitatorOnly(who(c), 'creating an exercise');
    const body = await jsonBody(c, exerciseBodySchema);
    return c.json(registry.create(body), 201);
  });

  api.get('/exercises', (c) => {
    facilitatorOnly(who(c), 'the list of exercises');
    const { className, limit } = queryInput(c, listQuery);
    const rows = registry.list(limit ?? 100, className);
    return c.json({
      exercises: rows.map((row) => {
        const view = exerciseView(row, registry.session(row.id), new Map());
        const { debrief: _debrief, answers: _answers, ...summary } = view;
        return summary;
      }),
    });
  });

  api.get('/exercises/:id', (c) => {
    facilitatorOnly(who(c), 'an exercise');
    const id = c.req.param('id');
    const row = registry.stored(id);
    return c.json(exerciseView(row, registry.session(id), registry.seatTokens(id)));
  });

  api.get('/exercises/:id/recording', (c) => {
    facilitatorOnly(who(c), "an exercise's recording");
    const id = c.req.param('id');
    const row = registry.stored(id);
    const view = exerciseView(row, registry.session(id), new Map());
    const recording = (registry.session(id)?.state ?? (row.state as { recording: unknown }))
      .recording;
    if (recording === null || recording === undefined) {
      throw new ApiError(409, 'not recorded yet', [
        { path: 'id', message: `exercise ${id} is ${view.status}: it is recorded when it ends` },
      ]);
    }
    return c.json(recording);
  });

  const live = (id: string) => {
    const session = registry.session(id);
    if (session !== undefined) return session;
    const row = registry.stored(id);
    throw new ApiError(409, 'exercise not in play here', [
      { path: 'id', message: `exercise ${row.id} was played by an earlier server process` },
    ]);
  };

  api.post('/exercises/:id/start', (c) => {
    facilitatorOnly(who(c), 'starting an exercise');
    const session = live(c.req.param('id'));
    session.start();
    return c.json({ id: session.head.id, status: session.status }, 202);
  });

  api.post('/exercises/:id/stop', (c) => {
    facilitatorOnly(who(c), 'stopping an exercise');
    const session = live(c.req.param('id'));
    session.stop();
    return c.json({ id: session.head.id, status: session.status }, 202);
  });

  api.delete('/exercises/:id', (c) => {
    facilitatorOnly(who(c), 'deleting an exercise');
    registry.remove(c.req.param('id'));
    return c.body(null, 204);
  });

  api.get('/classes/:name', (c) => {
    facilitatorOnly(who(c), 'the class view');
    const name = c.req.param('name');
    return c.json(classView(name, registry.list(1000, name)));
  });

  api.get('/seat', (c) => {
    const { session, actor } = seatOf(who(c), registry);
    return c.json(seatView(session, actor));
  });

  api.post('/seat/join', async (c) => {
    const { session, actor } = seatOf(who(c), registry);
    const { name } = await jsonBody(c, joinBodySchema);
    session.join(actor, name);
    return c.json(seatView(session, actor));
  });

  api.post('/seat/decide', async (c) => {
    const { session, actor } = seatOf(who(c), registry);
    const { question, choice } = await jsonBody(c, decideBodySchema);
    session.decide(actor, question, choice);
    return c.json(seatView(session, actor));
  });
  return api;
}
