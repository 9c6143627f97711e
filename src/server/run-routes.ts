import { Hono, type Context } from 'hono';
import { llmTrace, traceTrial } from '../index.ts';
import type { RunDetail } from '../store/index.ts';
import { ApiError } from './api-error.ts';
import type { Limits } from './limits.ts';
import { jsonBody, queryInput } from './request-input.ts';
import { listQuerySchema, runBodySchema, traceQuerySchema } from './request-schemas.ts';
import type { RunManager } from './run-manager.ts';
import { prepareRun, type RunEngine } from './run-request.ts';
import { loadText, withSafeguards } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import { FACILITATOR, ownerOrFacilitator, type Principal } from './tabletop/index.ts';

export interface RunRouteDeps {
  readonly runs: RunManager;
  readonly library: ScenarioLibrary;
  readonly limits: Limits;
  readonly engine: RunEngine;
  /** Who sends a request: the facilitator, or a player by seat token. Default the facilitator. */
  readonly who?: (c: Context) => Principal;
}

/** A stored run by its id, as this server knows it, or 404. */
export function storedRun(runs: RunManager, id: string): RunDetail {
  const run = runs.get(id);
  if (run === undefined) {
    throw new ApiError(404, 'no such run', [{ path: 'id', message: `no run '${id}'` }]);
  }
  return run;
}

/** Starting, listing, reading, cancelling, deleting and tracing runs (events: events-route.ts). */
export function runRoutes(deps: RunRouteDeps): Hono {
  const { runs } = deps;
  const who = deps.who ?? (() => FACILITATOR);
  const api = new Hono();

  api.post('/runs', async (c) => {
    const body = await jsonBody(c, runBodySchema);
    const { record, work, progressStep } = prepareRun(body, deps.library, deps.limits, deps.engine);
    const { id, name } = who(c);
    // Every run has an owner; a label only when asked for (lists show the scenario's name anyway).
    const label = body.label === undefined ? {} : { label: body.label };
    const owned = { ...record, options: { ...record.options, ...label, owner: { id, name } } };
    return c.json({ id: runs.start(owned, work, progressStep) }, 202);
  });

  api.get('/runs', (c) => {
    const { limit } = queryInput(c, listQuerySchema);
    return c.json(runs.listing(Math.min(limit ?? 50, deps.limits.listLimit)));
  });

  api.get('/runs/:id', (c) => {
    const run = storedRun(runs, c.req.param('id'));
    // Where it waits for a slot, while it does (null once it has started).
    return c.json({ ...run, queuePosition: runs.queuePosition(run.id) });
  });

  api.post('/runs/:id/cancel', (c) => {
    const run = storedRun(runs, c.req.param('id'));
    ownerOrFacilitator(who(c), run.options.owner?.id, `run ${run.id}`);
    if (runs.cancel(run.id)) return c.json({ id: run.id, status: run.status }, 202);
    const why =
      run.status === 'running'
        ? 'is running in another process: stop it there'
        : `is not running (${run.status})`;
    throw new ApiError(409, 'cannot cancel', [{ path: 'id', message: `run ${run.id} ${why}` }]);
  });

  api.delete('/runs/:id', (c) => {
    const id = c.req.param('id');
    const asker = who(c);
    if (asker.kind !== 'facilitator') {
      let run: RunDetail | undefined | null = null;
      try {
        run = runs.get(id);
      } catch {
        // A row that cannot be read has no owner to tell: only the facilitator removes it.
      }
      if (run !== undefined) ownerOrFacilitator(asker, run?.options.owner?.id, `run ${id}`);
    }
    const outcome = runs.remove(id);
    if (outcome === 'missing') storedRun(runs, id);
    if (outcome === 'running') {
      throw new ApiError(409, 'run in progress', [
        { path: 'id', message: `run ${id} is still running: cancel it first` },
      ]);
    }
    return c.body(null, 204);
  });

  api.get('/runs/:id/trace', (c) => {
    const run = storedRun(runs, c.req.param('id'));
    const query = queryInput(c, traceQuerySchema);
    const base = loadText(run.scenarioText, run.options.sets);
    // Without a choice: the run's own safeguards; a comparison's baseline has none.
    const specs =
      query.safeguards !== undefined
        ? splitSpecs(query.safeguards, Object.keys(base.scenario.actors))
        : run.kind === 'run'
          ? run.options.safeguards
          : [];
    const loaded = withSafeguards(base, specs);
    const caps = { maxEvents: deps.limits.eventsPerTrial, maxTraceEvents: deps.limits.traceEvents };
    // A language-model side replays the table its run sampled, each decision with its reason.
    if (run.result !== null && 'llm' in run.result) {
      return c.json(llmTrace(loaded, run.result.llm, run.seed, query.trial, caps));
    }
    return c.json(traceTrial(loaded, run.seed, query.trial, undefined, caps));
  });
  return api;
}

/**
 * Splits `a,b:north,south,c` into specs. Commas separate specs but also the actors of one
 * (`name:actor,actor`): an actor id right after a spec with actors belongs to it.
 */
export function splitSpecs(list: string, actors: readonly string[]): string[] {
  const specs: string[] = [];
  for (const token of list.split(',').map((s) => s.trim())) {
    if (token === '') continue;
    const previous = specs[specs.length - 1];
    if (previous?.includes(':') && !token.includes(':') && actors.includes(token)) {
      specs[specs.length - 1] = `${previous},${token}`;
    } else specs.push(token);
  }
  return specs;
}
