import { Hono } from 'hono';
import {
  availableSafeguards,
  BUILTIN_SAFEGUARDS,
  loadScenarioText,
  scenarioCapability,
  VERSION,
  uncertainParameters,
  type Safeguard,
} from '../index.ts';
import { ApiError } from './api-error.ts';
import { jsonBody } from './request-input.ts';
import { capabilityBodySchema, validateBodySchema } from './request-schemas.ts';
import { loadScenarioRef } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';

const listing = (s: Safeguard) => ({ name: s.name, description: s.summary });

/** Everything about scenarios that runs nothing: health, bundled files, safeguards, checks. */
export function scenarioRoutes(library: ScenarioLibrary): Hono {
  const api = new Hono();
  api.get('/health', (c) => c.json({ version: VERSION }));

  api.get('/scenarios', (c) => c.json({ scenarios: library.list() }));

  api.get('/scenarios/:name', (c) => {
    const name = c.req.param('name');
    return c.json({ name, text: library.text(name) });
  });

  api.get('/safeguards', (c) => c.json({ safeguards: BUILTIN_SAFEGUARDS.map(listing) }));

  api.post('/validate', async (c) => {
    const { text } = await jsonBody(c, validateBodySchema);
    const result = loadScenarioText(text, { source: 'scenario' });
    if (!result.ok) throw new ApiError(422, 'invalid scenario', result.issues);
    const { scenario, hash } = result.value;
    return c.json({
      ok: true,
      hash,
      name: scenario.name,
      actors: Object.keys(scenario.actors),
      safeguards: availableSafeguards(scenario).map(listing),
      // What a study would vary: the web app offers the parameter band when there is any.
      uncertain: uncertainParameters(scenario).map((p) => p.name),
    });
  });

  api.post('/capability', async (c) => {
    const body = await jsonBody(c, capabilityBodySchema);
    const { loaded } = loadScenarioRef(body.scenario, library);
    return c.json({
      version: VERSION,
      scenario: { name: loaded.scenario.name, hash: loaded.hash },
      actors: scenarioCapability(loaded.scenario),
    });
  });
  return api;
}
