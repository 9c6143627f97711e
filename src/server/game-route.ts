import { Hono } from 'hono';
import { armsPerGame, playGame, type WorkerPool } from '../index.ts';
import { ApiError } from './api-error.ts';
import type { Limits } from './limits.ts';
import { jsonBody } from './request-input.ts';
import { gameBodySchema } from './request-schemas.ts';
import { loadText } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';

/**
 * `POST /api/game`: plays the scenario's delegation game and answers with the result (the CLI's
 * `petrov game --json`). Bounded: trials × arms within the request limit, one game at a time.
 */
export function gameRoute(
  library: ScenarioLibrary,
  limits: Limits,
  engine: { readonly workers: number; readonly pool?: WorkerPool },
): Hono {
  const api = new Hono();
  let playing = false;
  api.post('/game', async (c) => {
    const body = await jsonBody(c, gameBodySchema);
    const text =
      body.scenario.name !== undefined
        ? library.text(body.scenario.name, 'scenario.name')
        : (body.scenario.text ?? '');
    // Costs go through the loader as `--set` changes do, so a bad one is refused naming the field.
    const sets = Object.entries(body.weights ?? {}).flatMap(([actor, costs]) =>
      Object.entries(costs).map(([name, value]) => `game.weights.${actor}.${name}=${value}`),
    );
    const loaded = loadText(text, sets);
    const runs = body.runs ?? 500;
    const arms = armsPerGame(loaded);
    if (runs * arms > limits.trialsPerRequest) {
      throw new ApiError(422, 'too much work', [
        {
          path: 'runs',
          message: `${runs} trials × ${arms} arms is over the limit of ${limits.trialsPerRequest} trials a request`,
        },
      ]);
    }
    if (playing)
      throw new ApiError(429, 'busy', [
        { path: '', message: 'a game is being played; try again when it ends' },
      ]);
    playing = true;
    try {
      const result = await playGame(loaded, {
        runs,
        seed: body.seed,
        resamples: body.resamples ?? 300,
        workers: engine.workers,
        pool: engine.pool,
        offThread: engine.pool !== undefined,
      });
      return c.json(result);
    } finally {
      playing = false;
    }
  });
  return api;
}
