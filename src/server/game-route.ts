import { Hono } from 'hono';
import { armsPerGame, gameParameterSets, playGame, type WorkerPool } from '../index.ts';
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
    const costs = Object.entries(body.weights ?? {}).flatMap(([actor, weights]) =>
      Object.entries(weights).map(([name, value]) => `game.weights.${actor}.${name}=${value}`),
    );
    const loaded = loadText(text, costs);
    const runs = body.runs ?? 500;
    const arms = armsPerGame(loaded);
    const sets = gameParameterSets(loaded, body.parameterSets ?? 0);
    if (body.parameterSets !== undefined && body.parameterSets > 0 && sets === 0) {
      throw new ApiError(422, 'invalid request', [
        {
          path: 'parameterSets',
          message: 'the scenario declares no uncertain parameters (an `uncertainty` block)',
        },
      ]);
    }
    const parameterRuns = body.parameterRuns ?? 100;
    const trials = runs + sets * parameterRuns;
    if (trials * arms > limits.trialsPerRequest) {
      const what =
        sets > 0 ? `(${runs} + ${sets} sets × ${parameterRuns}) trials` : `${runs} trials`;
      throw new ApiError(422, 'too much work', [
        {
          path: sets > 0 ? 'parameterSets' : 'runs',
          message: `${what} × ${arms} arms is over the limit of ${limits.trialsPerRequest} trials a request`,
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
        parameterSets: sets,
        parameterRuns,
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
