/** The HTTP API's scenario endpoints, its limits and errors, and the web app it serves: in memory. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.ts';
import { json, SCENARIOS, testServer, type ErrorBody } from './helpers/api.ts';

const server = testServer();
const KOREA_TEXT = readFileSync(join(SCENARIOS, 'korean-peninsula-2026.yaml'), 'utf8');

/** Every error answer: a 4xx, `{ error, issues }`, and the server answers the next request. */
async function expectError(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = await json<ErrorBody>(response);
  expect(body.error).toEqual(expect.any(String));
  expect(body.issues.length).toBeGreaterThan(0);
  expect((await server.get('/api/health')).status).toBe(200);
  return body;
}

describe('scenarios and safeguards', () => {
  it('reports its version', async () => {
    expect(await json(await server.get('/api/health'))).toEqual({ version: VERSION });
  });

  it('lists the bundled scenarios with their titles', async () => {
    const { scenarios } = await json<{ scenarios: { name: string; title: string }[] }>(
      await server.get('/api/scenarios'),
    );
    expect(scenarios.map((s) => s.name)).toEqual([
      'analytic-game',
      'analytic-single-sensor',
      'korean-peninsula-2026',
      'korean-peninsula-2026-capability',
      'korean-peninsula-2026-scripted',
      'south-asia-india-pakistan',
      'taiwan-strait',
      'us-early-warning-1977-1984',
      'us-soviet-1983',
    ]);
    expect(scenarios[1]).toMatchObject({ title: 'Analytic single sensor' });
    expect(scenarios[1]).toHaveProperty('description', expect.stringContaining('single sensor'));
  });

  it('returns a bundled scenario text', async () => {
    const response = await server.get('/api/scenarios/korean-peninsula-2026');
    expect(await json(response)).toEqual({ name: 'korean-peninsula-2026', text: KOREA_TEXT });
  });

  it('refuses path-like names (400) and unknown ones (404)', async () => {
    for (const name of ['..%2F..%2Fetc%2Fpasswd', '.hidden', 'Korean', 'a%20b', '-x']) {
      const body = await expectError(await server.get(`/api/scenarios/${name}`), 400);
      expect(body.issues[0].path).toBe('name');
    }
    const unknown = await expectError(await server.get('/api/scenarios/atlantis'), 404);
    expect(unknown.issues[0].message).toContain('korean-peninsula-2026');
  });

  it('lists the built-in safeguards', async () => {
    const { safeguards } = await json<{ safeguards: { name: string; description: string }[] }>(
      await server.get('/api/safeguards'),
    );
    expect(safeguards.map((s) => s.name)).toContain('human-in-the-loop');
    expect(safeguards.every((s) => s.description.length > 0)).toBe(true);
  });
});

describe('validate', () => {
  it('answers a valid scenario with its hash, actors and available safeguards', async () => {
    const body = await json<Record<string, unknown>>(
      await server.post('/api/validate', { text: KOREA_TEXT }),
    );
    expect(body).toMatchObject({ ok: true, actors: ['north', 'south'] });
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.safeguards).toContainEqual(expect.objectContaining({ name: 'hotline' }));
  });

  it('lists every problem of an invalid scenario at its line and column', async () => {
    const text = KOREA_TEXT.replace('horizonDays: 30', 'horizonDays: -3');
    const body = await expectError(await server.post('/api/validate', { text }), 422);
    expect(body.error).toBe('invalid scenario');
    const line = KOREA_TEXT.split('\n').findIndex((l) => l.startsWith('horizonDays:')) + 1;
    expect(body.issues).toEqual([
      expect.objectContaining({ path: 'horizonDays', line, column: 1 }),
    ]);
    expect(body.issues[0]).not.toHaveProperty('source');
  });

  it('locates malformed YAML', async () => {
    const body = await expectError(
      await server.post('/api/validate', { text: 'name: x\nactors:\n  a: [1,\n' }),
      422,
    );
    expect(body.issues[0].line).toBeGreaterThan(0);
  });

  it('names unknown and missing fields of the request', async () => {
    const extra = await expectError(
      await server.post('/api/validate', { text: 'x', mode: 1 }),
      422,
    );
    expect(extra.issues).toEqual([{ path: 'mode', message: 'unknown field' }]);
    const missing = await expectError(await server.post('/api/validate', {}), 422);
    expect(missing.issues[0].path).toBe('text');
  });

  it('refuses a body that is not JSON (400) or too large (413)', async () => {
    const notJson = await expectError(await server.post('/api/validate', '{"text": '), 400);
    expect(notJson.error).toBe('invalid JSON');
    const huge = { text: `# ${'x'.repeat(1024 * 1024)}\n${KOREA_TEXT}` };
    const tooLarge = await expectError(await server.post('/api/validate', huge), 413);
    expect(tooLarge.issues[0].path).toBe('body');
    const chunked = await server.app.request('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify(huge)]).stream(),
      duplex: 'half',
    } as RequestInit);
    await expectError(chunked, 413);
  });
});

describe('capability', () => {
  it('reports per-domain error rates and what binds', async () => {
    const response = await server.post('/api/capability', {
      scenario: { name: 'korean-peninsula-2026-capability' },
    });
    expect(response.status).toBe(200);
    const body = await json<{ actors: { actor: string; capability: unknown }[] }>(response);
    const north = body.actors.find((a) => a.actor === 'north');
    expect(north?.capability).toHaveProperty('binding');
  });

  it('takes scenario text, and refuses both or neither', async () => {
    const ok = await server.post('/api/capability', { scenario: { text: KOREA_TEXT } });
    expect(ok.status).toBe(200);
    const both = await server.post('/api/capability', { scenario: { text: 'x', name: 'y' } });
    expect((await expectError(both, 422)).issues[0].path).toBe('scenario');
    const none = await expectError(await server.post('/api/capability', { scenario: {} }), 422);
    expect(none.issues[0].message).toContain('either name');
    const path = await server.post('/api/capability', { scenario: { name: '../../etc/passwd' } });
    expect((await expectError(path, 400)).issues[0].path).toBe('scenario.name');
  });
});

describe('anything else', () => {
  it('is a 404 with the issue list under /api', async () => {
    await expectError(await server.get('/api/nothing'), 404);
    await expectError(await server.del('/api/scenarios'), 404);
  });
  it('logs no server fault after all of the above', () => {
    expect(server.logged).toEqual([]);
  });
});

describe('the web app', () => {
  it('says how to build it while web/dist is missing', async () => {
    const response = await server.get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build:web');
  });

  it('serves the built files, and index.html for client routes', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'petrov-dist-')), 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<html>app</html>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const web = testServer({ webDist: dist });
    expect(await (await web.get('/')).text()).toBe('<html>app</html>');
    expect(await (await web.get('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await web.get('/runs/12')).text()).toBe('<html>app</html>');
    expect((await web.get('/assets/missing.js')).status).toBe(404);
    expect((await web.get('/..%2F..%2Fetc%2Fpasswd')).status).not.toBe(500);
    expect((await web.get('/api/health')).status).toBe(200);
  });
});

describe('the delegation game', () => {
  it('plays a bundled game with adjusted costs and answers as petrov game --json', async () => {
    const response = await server.post('/api/game', {
      scenario: { name: 'analytic-game' },
      runs: 300,
      resamples: 30,
      weights: { a: { generalWar: 2 } },
    });
    expect(response.status).toBe(200);
    const body = await json<{ profiles: unknown[]; weights: { generalWar: number }[] }>(response);
    expect(body.profiles).toHaveLength(4);
    expect(body.weights[0].generalWar).toBe(2);
  });

  it('refuses a bad cost naming the field, and work over the limit', async () => {
    const bad = await expectError(
      await server.post('/api/game', {
        scenario: { name: 'analytic-game' },
        weights: { a: { generalWar: -1 } },
      }),
      422,
    );
    expect(bad.issues[0].path).toBe('game.weights.a.generalWar');
    const limited = testServer({ limits: { trialsPerRequest: 1000 } });
    const response = await limited.post('/api/game', {
      scenario: { name: 'analytic-game' },
      runs: 300,
    });
    expect(response.status).toBe(422);
    const body = await json<ErrorBody>(response);
    expect(body.issues[0].message).toContain('300 trials × 4 arms is over the limit of 1000');
  });

  it('plays parameter sets when asked and the scenario declares uncertainty, counting their work', async () => {
    const game = readFileSync(join(SCENARIOS, 'analytic-game.yaml'), 'utf8');
    const text = `${game}\nuncertainty:\n  actors.a.tracks.air.genuine: { dist: uniform, min: 0.04, max: 0.2, assumption: test }\n`;
    const request = { scenario: { text }, runs: 200, resamples: 20, parameterSets: 4 };
    const response = await server.post('/api/game', { ...request, parameterRuns: 50 });
    expect(response.status).toBe(200);
    const body = await json<{
      parameterUncertainty: { parameterSets: number; runs: number } | null;
      profiles: { parameterEquilibriumProbability: { estimate: number } | null }[];
    }>(response);
    expect(body.parameterUncertainty).toMatchObject({ parameterSets: 4, runs: 50 });
    expect(body.profiles[0].parameterEquilibriumProbability).not.toBeNull();
    const none = await expectError(
      await server.post('/api/game', { scenario: { name: 'analytic-game' }, parameterSets: 4 }),
      422,
    );
    expect(none.issues[0].path).toBe('parameterSets');
    const limited = testServer({ limits: { trialsPerRequest: 1000 } });
    const over = await json<ErrorBody>(await limited.post('/api/game', request));
    expect(over.issues[0]).toMatchObject({ path: 'parameterSets' });
    expect(over.issues[0].message).toContain('(200 + 4 sets × 100) trials × 4 arms');
  });
});
