import { Hono } from 'hono';
import { agentChoicesOf } from '../index.ts';
import { jsonBody } from './request-input.ts';
import { agentsBodySchema } from './request-schemas.ts';
import { loadScenarioRef } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import type { ServerLlm } from './server-llm.ts';

/**
 * `POST /api/agents`: who may decide for each side of a scenario on this server (the run form's
 * picker), and the model this server was started with, if any (never its URL or key).
 */
export function agentRoutes(library: ScenarioLibrary, llm: ServerLlm | undefined): Hono {
  const api = new Hono();
  api.post('/agents', async (c) => {
    const { scenario } = await jsonBody(c, agentsBodySchema);
    const { loaded } = loadScenarioRef(scenario, library);
    const actors = loaded.scenario.actors;
    return c.json({
      model: llm === undefined ? null : { name: llm.model.model, maxCalls: llm.maxCalls },
      declared: Object.fromEntries(Object.entries(actors).map(([id, a]) => [id, a.agent.type])),
      choices: agentChoicesOf(loaded.scenario, llm !== undefined),
    });
  });
  return api;
}
