import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WorkerPool } from '../index.ts';
import type { RunStore } from '../store/index.ts';
import { DEFAULT_ACCESS, type AccessPolicy } from './access-policy.ts';
import { agentRoutes } from './agent-routes.ts';
import { ApiError, errorResponse } from './api-error.ts';
import { eventsRoute } from './events-route.ts';
import { exportRoutes } from './export-routes.ts';
import { gameRoute } from './game-route.ts';
import { incidentRoutes } from './incident-routes.ts';
import { hostGuard } from './host-guard.ts';
import { jsonOnly } from './json-only.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { originGuard } from './origin-guard.ts';
import { RunManager } from './run-manager.ts';
import { runRoutes } from './run-routes.ts';
import { ScenarioLibrary } from './scenario-library.ts';
import { scenarioRoutes } from './scenario-routes.ts';
import type { ServerLlm } from './server-llm.ts';
import { studyRoutes } from './study-routes.ts';
import { tokenGuard } from './token-guard.ts';
import { webApp } from './web-app.ts';
import {
  ExerciseRegistry,
  exerciseRoutes,
  playSocket,
  principalOf,
  realClock,
  type TabletopClock,
} from './tabletop/index.ts';

export interface ServerDeps {
  /** Where runs are recorded; the caller opens and closes it. */
  readonly store: RunStore;
  /** Directory of bundled scenarios (`NAME.yaml`). */
  readonly scenariosDir: string;
  /** The built web app (`web/dist`); a page saying how to build it is served while it is missing. */
  readonly webDist: string;
  /** Overrides of the request limits. Default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<Limits>;
  /** Worker threads per run. Default 1: runs share the server's thread between chunks. */
  readonly workers?: number;
  /** Milliseconds clock for the timing of results (never their numbers). Default `performance.now`. */
  readonly clock?: () => number;
  /**
   * Worker threads kept for every run, so none waits for threads to start; the caller closes it.
   * Default none: each run starts and stops threads of its own.
   */
  readonly pool?: WorkerPool;
  /** Where server faults are logged. Default stderr. */
  readonly log?: (text: string) => void;
  /** Hosts, origins and token the server accepts. Default `DEFAULT_ACCESS`: loopback, no token. */
  readonly access?: Partial<AccessPolicy>;
  /** The bundled close calls (`data/incidents.csv`). Default: `data/` beside the scenarios' directory. */
  readonly incidentsFile?: string;
  /** Real time for tabletop exercises (decision windows, players' times). Default the wall clock. */
  readonly tabletopClock?: TabletopClock;
  /** The language model runs may put in a side's chair (`petrov serve --llm-url`). Default none. */
  readonly llm?: ServerLlm;
}

/** The app and the runs it has in progress (to wait for them, or cancel them all on shutdown). */
export interface PetrovApp {
  readonly app: Hono;
  readonly runs: RunManager;
  /** The tabletop exercises it plays (to stop them on shutdown). */
  readonly exercises: ExerciseRegistry;
}

/**
 * The HTTP API under `/api` (docs/api.md) and the web app at `/`, behind the access checks (Host,
 * Origin, then for /api the token and JSON-only changes). Every error, expected or not, passes
 * through one mapping to `{ error, issues }`.
 */
export function createApp(deps: ServerDeps): PetrovApp {
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? ((text: string) => process.stderr.write(text));
  const library = new ScenarioLibrary(deps.scenariosDir);
  const runs = new RunManager(deps.store, limits.concurrentRuns, log, limits.queuedRuns);
  const exercises = new ExerciseRegistry({
    exercises: deps.store.exercises(),
    library,
    clock: deps.tabletopClock ?? realClock,
    log,
    maxLive: limits.liveExercises,
  });
  const api = new Hono();
  api.use(
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'request body too large', [
          { path: 'body', message: `at most ${limits.bodyBytes} bytes` },
        ]);
      },
    }),
  );
  api.route('/', scenarioRoutes(library));
  api.route('/', agentRoutes(library, deps.llm));
  api.route(
    '/',
    runRoutes({
      runs,
      library,
      limits,
      who: (c) => principalOf(c, (token) => exercises.seat(token)),
      engine: {
        workers: deps.pool?.threads ?? deps.workers ?? 1,
        clock: deps.clock,
        pool: deps.pool,
        llm: deps.llm,
      },
    }),
  );
  api.route('/', eventsRoute(deps.store, runs));
  api.route('/', exportRoutes(runs));
  api.route(
    '/',
    studyRoutes({
      library,
      limits,
      engine: {
        workers: deps.pool?.threads ?? deps.workers ?? 1,
        clock: deps.clock,
        pool: deps.pool,
      },
    }),
  );
  api.route('/', exerciseRoutes(exercises));
  api.route(
    '/',
    incidentRoutes(deps.incidentsFile ?? join(deps.scenariosDir, '..', 'data', 'incidents.csv')),
  );
  api.route('/', playSocket(exercises));
  api.route(
    '/',
    gameRoute(library, limits, {
      workers: deps.pool?.threads ?? deps.workers ?? 1,
      pool: deps.pool,
    }),
  );
  api.all('*', (c) => {
    throw new ApiError(404, 'no such endpoint', [
      { path: '', message: `${c.req.method} ${c.req.path} (docs/api.md lists the endpoints)` },
    ]);
  });

  const access: AccessPolicy = { ...DEFAULT_ACCESS, ...deps.access };
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, log));
  app.use(hostGuard(access.allowedHosts));
  app.use(originGuard(access.allowedOrigins));
  // The pages stay open without the token: they read it from the URL and send it to /api.
  // A seat token (a player's join link) passes too; the routes then keep it to its own seat.
  if (access.token !== undefined) {
    app.use(
      '/api/*',
      tokenGuard(access.token, (token) => exercises.seat(token) !== undefined),
    );
  }
  app.use('/api/*', jsonOnly());
  app.route('/api', api);
  app.route('/', webApp(deps.webDist));
  return { app, runs, exercises };
}
