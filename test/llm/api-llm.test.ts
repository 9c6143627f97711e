/**
 * A language model in a side's chair through the HTTP API: only the model the server was started
 * with is ever called, runs report calls, situations, failures and bounds, traces show reasons,
 * and a cap bounds the calls of one request.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { LlmRunResult, TraceResult } from '../../src/index.ts';
import { serverLlm } from '../../src/server/index.ts';
import type { RecordedDecision } from '../../src/agents/index.ts';
import type { RunDetail } from '../../src/store/index.ts';
import { json, parseEvents, SCENARIOS, testServer, type ErrorBody } from '../helpers/api.ts';
import {
  startChatEndpoint,
  type ChatEndpoint,
  type EndpointAnswer,
} from '../helpers/chat-endpoint.ts';
import { scriptedModel } from '../helpers/scripted-model.ts';

const KOREA = { name: 'korean-peninsula-2026' };
const RUNS = 1_000;

/** The stand-in model, failing every call (all attempts) about one situation in four. */
function flaky(body: Parameters<typeof scriptedModel>[0]): EndpointAnswer {
  const user = body.messages[body.messages.length - 1].content;
  const h = createHash('sha256').update(user).digest().readUInt8(0);
  return h % 4 === 0 ? { status: 500 } : scriptedModel(body);
}

/** The Korean scenario's text with the North's agent declared as a model at `baseUrl`. */
function koreaWithLlmAt(baseUrl: string): string {
  const doc = parse(readFileSync(join(SCENARIOS, 'korean-peninsula-2026.yaml'), 'utf8')) as {
    actors: Record<string, { agent?: unknown }>;
  };
  doc.actors.north.agent = { type: 'llm', model: 'from-the-page', baseUrl, replicates: 2 };
  return stringify(doc);
}

async function finished(server: ReturnType<typeof testServer>, body: unknown): Promise<RunDetail> {
  const response = await server.post('/api/runs', body);
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = await json<{ id: string }>(response);
  const events = parseEvents(await (await server.get(`/api/runs/${id}/events`)).text());
  expect(events[events.length - 1].event).toBe('end');
  return json<RunDetail>(await server.get(`/api/runs/${id}`));
}

describe('a run with a language-model side through the API', () => {
  let model: ChatEndpoint;
  let page: ChatEndpoint;

  beforeAll(async () => {
    model = await startChatEndpoint((body) => flaky(body));
    // The endpoint a web page would like the server to call: it must never hear from it.
    page = await startChatEndpoint((body) => scriptedModel(body));
  });
  afterAll(async () => {
    await model.close();
    await page.close();
  });

  it('is refused, naming the field, on a server started without a model; nothing is called', async () => {
    const server = testServer();
    const chosen = await server.post('/api/runs', {
      kind: 'run',
      scenario: KOREA,
      runs: 100,
      agents: { north: 'llm' },
    });
    expect(chosen.status).toBe(422);
    const body = await json<ErrorBody>(chosen);
    expect(body.issues).toEqual([
      expect.objectContaining({
        path: 'agents.north',
        message: expect.stringContaining('petrov serve --llm-url'),
      }),
    ]);
    const declared = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: koreaWithLlmAt(page.url) },
      runs: 100,
    });
    expect(declared.status).toBe(422);
    expect((await json<ErrorBody>(declared)).issues[0].path).toBe('actors.north.agent.type');
    expect(page.requests).toHaveLength(0);
    expect(server.store.list()).toHaveLength(0);
    // The picker offers no model here, and scripted only where the scenario has a table.
    const agents = await json<{ model: unknown; choices: Record<string, string[]> }>(
      await server.post('/api/agents', { scenario: KOREA }),
    );
    expect(agents).toMatchObject({ model: null, choices: { north: ['doctrine'] } });
  });

  it('refuses a choice the scenario cannot take, naming the side', async () => {
    const server = testServer();
    const r = await server.post('/api/runs', {
      kind: 'run',
      scenario: KOREA,
      runs: 100,
      agents: { north: 'scripted', nobody: 'doctrine' },
    });
    expect(r.status).toBe(422);
    const paths = (await json<ErrorBody>(r)).issues.map((i) => i.path);
    expect(paths).toEqual(['agents.north', 'agents.nobody']);
  });

  it('calls only the server’s model, and reports calls, situations, failures and bounds', async () => {
    const server = testServer({
      llm: serverLlm({ url: model.url, model: 'stand-in', maxCalls: 20_000 }),
    });
    const agents = await json<{ model: { name: string }; choices: Record<string, string[]> }>(
      await server.post('/api/agents', { scenario: KOREA }),
    );
    expect(agents.model.name).toBe('stand-in');
    expect(agents.choices.north).toEqual(['doctrine', 'llm']);

    const before = model.requests.length;
    const run = await finished(server, {
      kind: 'run',
      scenario: { text: koreaWithLlmAt(page.url) },
      runs: RUNS,
      seed: 5,
    });
    expect(run.status, run.error ?? '').toBe('done');
    expect(page.requests).toHaveLength(0);
    expect(model.requests.slice(before).every((r) => r.model === 'stand-in')).toBe(true);
    const result = run.result as LlmRunResult;
    const { llm } = result;
    expect(llm.actor).toBe('north');
    expect(llm.replicates).toBe(2);
    // Every attempt reached the server's endpoint; every call is one replicate of a situation.
    expect(llm.calls.attempts).toBe(model.requests.length - before);
    expect(llm.calls.calls).toBe(Object.keys(llm.table).length * llm.replicates);
    expect(llm.situations).toBeGreaterThan(0);
    expect(llm.situations).toBeLessThanOrEqual(Object.keys(llm.table).length);
    // One situation in four fails on every attempt: counted, never a silent hold.
    expect(llm.calls.failedCalls).toBeGreaterThan(0);
    expect(llm.calls.callsByOutcome.transport_error).toBe(llm.calls.failedCalls);
    expect(llm.calls.attemptsByOutcome.transport_error).toBe(3 * llm.calls.failedCalls);
    const rate = llm.calls.failureRate;
    expect(rate.p).toBeCloseTo(llm.calls.failedCalls / llm.calls.calls, 12);
    expect(rate.ci95[0]).toBeLessThan(rate.p);
    expect(rate.ci95[1]).toBeGreaterThan(rate.p);
    const { restraint, escalation } = llm.failureBounds;
    expect(restraint.p).toBeLessThanOrEqual(llm.nuclearUse.p);
    expect(escalation.p).toBeGreaterThanOrEqual(llm.nuclearUse.p);
    expect(llm.nuclearUse.p).toBe(result.outcomes.nuclearUse.p);
    expect(llm.nuclearUse.ci95[0]).toBeLessThanOrEqual(result.outcomes.nuclearUse.ci95[0]);
    expect(run.options.sets).toEqual([expect.stringMatching(/^actors\.north\.agent=/)]);

    // The trace replays the sampled table; the North's decisions carry the model's reasons.
    const trial = result.examples[0]?.trial ?? 0;
    const trace = await json<TraceResult & { decisions: RecordedDecision[] }>(
      await server.get(`/api/runs/${run.id}/trace?trial=${trial}`),
    );
    const north = trace.decisions.filter((d) => d.actor === 'north');
    expect(north.length).toBeGreaterThan(0);
    for (const d of north) expect(d.reason).toMatch(/stand-in model chose|elicited policy/);
    expect(north.some((d) => d.reason.startsWith('the stand-in model chose'))).toBe(true);
  });

  it('stops a run that needs more calls than the server allows, saying which option', async () => {
    const server = testServer({
      llm: serverLlm({ url: model.url, model: 'stand-in', maxCalls: 10 }),
    });
    const run = await finished(server, {
      kind: 'run',
      scenario: KOREA,
      runs: RUNS,
      agents: { north: 'llm' },
    });
    expect(run.status).toBe('failed');
    expect(run.error).toContain('more than 10 model calls');
    expect(run.error).toContain('--max-llm-calls');
  });

  it('replays a recorded run with no endpoint, to the same numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'petrov-llm-api-'));
    const file = join(dir, 'calls.jsonl');
    const body = { kind: 'run', scenario: KOREA, runs: 300, seed: 2, agents: { north: 'llm' } };
    const recording = testServer({
      llm: serverLlm({ url: model.url, model: 'stand-in', record: file }),
    });
    const recorded = await finished(recording, body);
    const asked = model.requests.length;
    // The same URL (it is part of the scenario's hash), never called: the replay answers.
    const offline = testServer({
      llm: serverLlm({ url: model.url, model: 'stand-in', replay: file }),
    });
    const replayed = await finished(offline, body);
    expect(replayed.status, replayed.error ?? '').toBe('done');
    expect(model.requests.length).toBe(asked);
    const strip = (r: LlmRunResult) => ({ ...r, timing: null });
    expect(strip(replayed.result as LlmRunResult)).toEqual(strip(recorded.result as LlmRunResult));
  });
});
