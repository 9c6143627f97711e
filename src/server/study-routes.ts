import { Hono } from 'hono';
import {
  InputError,
  ratioTornado,
  sobol,
  tornado,
  uncertainParameters,
  uncertainty,
  type StudyOutcome,
} from '../index.ts';
import { ApiError } from './api-error.ts';
import type { Limits } from './limits.ts';
import { jsonBody } from './request-input.ts';
import type { RunEngine } from './run-request.ts';
import { loadScenarioRef } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import { sensitivityBodySchema, uncertaintyBodySchema } from './study-schemas.ts';

export interface StudyRouteDeps {
  readonly library: ScenarioLibrary;
  readonly limits: Limits;
  readonly engine: RunEngine;
}

/** Web defaults: a Korean tornado of 26 parameters in about ten seconds on two cores. */
export const STUDY_DEFAULTS = {
  runs: 4_000,
  basePoints: 200,
  repetitions: 100,
  parameterSets: 100,
  setRepetitions: 500,
};

/**
 * Sensitivity and uncertainty studies, answered when done (not stored: a study's JSON is what
 * `petrov sensitivity --json` and `petrov uncertainty --json` print). Each request's trials count
 * against the server's per-request limit, studies in progress against its concurrent runs, and a
 * client that goes away stops its study at the next chunk.
 */
export function studyRoutes(deps: StudyRouteDeps): Hono {
  const api = new Hono();
  let inProgress = 0;
  const bounded = async <T>(trials: number, work: () => Promise<T>): Promise<T> => {
    const limit = deps.limits.trialsPerRequest;
    if (trials > limit) {
      throw new ApiError(422, 'too many trials', [
        { path: 'body', message: `${trials} trials in all; this server allows ${limit}` },
      ]);
    }
    if (inProgress >= deps.limits.concurrentRuns) {
      throw new ApiError(429, 'too many studies in progress', [
        { path: '', message: `at most ${deps.limits.concurrentRuns} at once: try again shortly` },
      ]);
    }
    inProgress++;
    try {
      return await work();
    } catch (error) {
      if (error instanceof InputError) throw new ApiError(422, 'invalid study', error.issues);
      // The client went away: nobody reads the answer, but the log should not call it a fault.
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw new ApiError(503, 'study stopped', [{ path: '', message: 'the request was closed' }]);
      }
      throw error;
    } finally {
      inProgress--;
    }
  };
  const engine = () => ({
    workers: deps.engine.workers,
    pool: deps.engine.pool,
    clock: deps.engine.clock,
  });

  api.post('/studies/sensitivity', async (c) => {
    const body = await jsonBody(c, sensitivityBodySchema);
    const { loaded } = loadScenarioRef(body.scenario, deps.library);
    const k = uncertainParameters(loaded.scenario).length;
    const runs = body.runs ?? STUDY_DEFAULTS.runs;
    const basePoints = body.basePoints ?? STUDY_DEFAULTS.basePoints;
    const repetitions = body.repetitions ?? STUDY_DEFAULTS.repetitions;
    // A ratio study runs every arm with and without the safeguard.
    const arms = body.ratio === undefined ? 1 : 2;
    const trials =
      arms * (runs * (1 + 2 * k) + (body.sobol ? basePoints * (k + 2) * repetitions : 0));
    const common = {
      ...engine(),
      seed: body.seed,
      outcome: (body.outcome ?? 'nuclearUse') as StudyOutcome,
      signal: c.req.raw.signal,
    };
    const result = await bounded(trials, async () => ({
      tornado:
        body.ratio === undefined
          ? await tornado(loaded, { ...common, runs })
          : await ratioTornado(loaded, body.ratio, { ...common, runs }),
      sobol: body.sobol
        ? await sobol(loaded, { ...common, basePoints, repetitions, ratio: body.ratio })
        : null,
    }));
    return c.json(result);
  });

  api.post('/studies/uncertainty', async (c) => {
    const body = await jsonBody(c, uncertaintyBodySchema);
    const { loaded } = loadScenarioRef(body.scenario, deps.library);
    const parameterSets = body.parameterSets ?? STUDY_DEFAULTS.parameterSets;
    const repetitions = body.repetitions ?? STUDY_DEFAULTS.setRepetitions;
    const safeguards = body.safeguards ?? [];
    const trials = parameterSets * repetitions * (1 + safeguards.length);
    const result = await bounded(trials, () =>
      uncertainty(loaded, {
        ...engine(),
        parameterSets,
        repetitions,
        seed: body.seed,
        safeguards,
        signal: c.req.raw.signal,
      }),
    );
    return c.json(result);
  });
  return api;
}
