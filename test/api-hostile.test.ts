/**
 * The API under hostile input: a trace bomb and a validation freeze answer with 422, naming the
 * cap. Not timed: a timed test fails on a loaded machine (speed goals live in bench/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, SCENARIOS, testServer, type ErrorBody } from './helpers/api.ts';

const ANALYTIC_TEXT = readFileSync(join(SCENARIOS, 'analytic-single-sensor.yaml'), 'utf8');
const KOREA_TEXT = readFileSync(join(SCENARIOS, 'korean-peninsula-2026.yaml'), 'utf8');

/** The issue's bomb: every one of 10,000 false alarms a day is labelled hostile and caught. */
function bomb(horizonDays: number): string {
  return ANALYTIC_TEXT.replace('horizonDays: 30', `horizonDays: ${horizonDays}`)
    .replace('falseAlarm: 2 }', 'falseAlarm: 10000 }')
    .replace('falsePositive: { ballistic: 0.05 }', 'falsePositive: { ballistic: 1 }')
    .replace('catchProbability: 0.9 ', 'catchProbability: 1 ');
}

describe('the trace bomb', () => {
  const server = testServer();

  it('is refused when the run is requested, naming the cap and the flag', async () => {
    const response = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: bomb(3660) },
      runs: 1,
    });
    expect(response.status).toBe(422);
    const body = await json<ErrorBody>(response);
    expect(body.error).toMatch(/36,600,000 events per trial, beyond the cap of 1,000,000/);
    expect(body.error).toContain('--max-events');
  });

  it('within the run cap, its trace answers 422 quickly, naming the trace cap', async () => {
    const response = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: bomb(40) },
      runs: 1,
    });
    expect(response.status).toBe(202);
    const { id } = await json<{ id: string }>(response);
    await (await server.get(`/api/runs/${id}/events`)).text();
    const trace = await server.get(`/api/runs/${id}/trace?trial=0`);
    expect(trace.status).toBe(422);
    const body = await json<ErrorBody>(trace);
    expect(body.error).toMatch(/more than 200,000 events, the cap on events per trace/);
    expect(body.error).toContain('--max-trace-events');
    // The server is still there.
    expect((await server.get('/api/health')).status).toBe(200);
  }, 30_000);
});

describe('the server limits on events', () => {
  it('apply to traces and to runs as set (--max-trace-events, --max-events)', async () => {
    const server = testServer({ limits: { traceEvents: 5, eventsPerTrial: 4 } });
    const refused = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: ANALYTIC_TEXT.replace('falseAlarm: 2 }', 'falseAlarm: 20 }') },
      runs: 10,
    });
    expect(refused.status).toBe(422);
    expect((await json<ErrorBody>(refused)).error).toMatch(/beyond the cap of 4 events/);
    const started = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: ANALYTIC_TEXT.replace('falseAlarm: 2 }', 'falseAlarm: 0.1 }') },
      runs: 10,
    });
    expect(started.status).toBe(202);
    const { id } = await json<{ id: string }>(started);
    await (await server.get(`/api/runs/${id}/events`)).text();
    const trace = await server.get(`/api/runs/${id}/trace?trial=0`);
    expect(trace.status).toBe(422);
    expect((await json<ErrorBody>(trace)).error).toMatch(/more than 5 events/);
  }, 30_000);
});

describe('the validation freeze', () => {
  const server = testServer();
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `zz${i}: ${i}`).join('\n');

  it('answers 30,000 unknown keys at once, with one issue naming the cap', async () => {
    const text = `${KOREA_TEXT}\n${keys(30_000)}\n`;
    const response = await server.post('/api/validate', { text });
    expect(response.status).toBe(422);
    const body = await json<ErrorBody>(response);
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0].message).toBe('more than 10,000 fields');
    expect(body.issues[0].line).toBeGreaterThan(0);
  });

  it('lists the first 100 of 5,000 unknown keys, each at its line, and counts the rest', async () => {
    const text = `${KOREA_TEXT}\n${keys(5000)}\n`;
    const response = await server.post('/api/validate', { text });
    expect(response.status).toBe(422);
    const body = await json<ErrorBody>(response);
    expect(body.issues).toHaveLength(101);
    expect(body.issues[0]).toMatchObject({ path: 'zz0', message: 'unknown field' });
    expect(body.issues[0].line).toBe(KOREA_TEXT.split('\n').length + 1);
    expect(body.issues[100].message).toBe('and 4,900 more issues (only the first 100 are listed)');
  });

  it("cannot pollute the server's Object.prototype through a safeguard's changes", async () => {
    for (const change of [
      'human.__proto__.polluted=1',
      'actors.*.constructor.prototype.polluted=1',
    ]) {
      const text = `${KOREA_TEXT}\nsafeguards:\n  evil:\n    description: d\n    set: ["${change}"]\n`;
      const response = await server.post('/api/validate', { text });
      expect(response.status).toBe(422);
      const [issue] = (await json<ErrorBody>(response)).issues;
      expect(issue.path).toBe('safeguards.evil');
      expect(issue.message).toMatch(/reserved key/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses control characters, reserved keys and NUL, naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      [KOREA_TEXT.replace(/^name: .*$/m, 'name: "\\e[31mred"'), 'name', /U\+001B/],
      [
        KOREA_TEXT.replace(/^actors:$/m, 'actors:\n  __proto__: {}'),
        'actors.__proto__',
        /reserved/,
      ],
      [KOREA_TEXT.replace(/^name: /m, 'name: a\u0000'), 'name', /U\+0000/],
    ];
    for (const [text, path, message] of cases) {
      const response = await server.post('/api/validate', { text });
      expect(response.status).toBe(422);
      const [issue] = (await json<ErrorBody>(response)).issues;
      expect(issue.path).toBe(path);
      expect(issue.message).toMatch(message);
      expect(issue.line).toBeGreaterThan(0);
    }
  });
});
