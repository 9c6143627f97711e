import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmAgent } from '../../src/agents/index.ts';
import { HttpChatClient } from '../../src/llm/index.ts';
import { llmEpisodes } from '../../src/runner/index.ts';
import { agentSchema, type LlmConfig } from '../../src/scenario/index.ts';
import {
  manualTimeouts,
  startChatEndpoint,
  type ChatEndpoint,
  type EndpointAnswer,
} from '../helpers/chat-endpoint.ts';
import { loadBundled } from '../helpers/scenario.ts';

const reply = (choice: string, minutes: number) =>
  JSON.stringify({ choice, minutes, reason: `test endpoint says ${choice}` });

/** Each failure kind in turn, then a good answer, over and over. */
function kinds(legal: string[]): EndpointAnswer[] {
  const c = legal[legal.length - 1];
  return [
    { content: '{"choice": "' }, // invalid JSON
    { content: `Sure! Here is my decision: ${reply(c, 1)} Hope that helps.` }, // prose around JSON
    { content: reply(c, 5000) }, // minutes out of range: never clamped
    { content: reply(c, 1).slice(0, 12), finish: 'length' }, // truncated
    { content: null, refusal: 'I cannot help with that.' }, // refusal
    { status: 500 },
    'hang',
    { content: reply(c, 1) }, // ok
  ];
}

const NAMES = [
  'invalid_json',
  'invalid_json',
  'schema_violation',
  'truncated',
  'refusal',
  'transport_error',
  'timeout',
  'ok',
];

describe('every failure kind is counted under its name, with the stated fallback', () => {
  let endpoint: ChatEndpoint;
  const timeouts = manualTimeouts();
  beforeAll(async () => {
    endpoint = await startChatEndpoint(
      (body, i) => kinds(body.response_format.json_schema.schema.properties.choice.enum)[i % 8],
    );
    endpoint.onHang = () => timeouts.fire();
  });
  afterAll(() => endpoint.close());

  const config = (onFailure: LlmConfig['onFailure']): LlmConfig =>
    agentSchema.parse({
      type: 'llm',
      model: 'test-model',
      baseUrl: endpoint.url,
      retries: 0,
      onFailure,
    }) as LlmConfig;

  it('counts each kind of the endpoint under its name, and the fallback is stated', async () => {
    const client = new HttpChatClient({ baseUrl: endpoint.url, timeoutSignal: timeouts.signal });
    const agent = new LlmAgent(
      config({ alert: 'veto', rise: 'deescalate', outage: 'hold' }),
      client,
    );
    const start = endpoint.requests.length;
    expect(start % 8).toBe(0);
    const answers = [];
    for (let i = 0; i < 8; i++) {
      answers.push(
        await agent.decide({
          point: 1,
          actor: 0,
          minute: 10,
          mode: 0,
          ownRung: 1,
          perceivedRung: 2,
          domain: -1,
          byAi: false,
          confidence: NaN,
          confirmed: -1,
          windowMinutes: NaN,
          responseRung: -1,
          linkUp: true,
          outageMinutes: 0,
          recent: [],
        }),
      );
    }
    const report = agent.tally.report();
    expect(report.callsByOutcome).toEqual({
      ok: 1,
      invalid_json: 2,
      schema_violation: 1,
      truncated: 1,
      refusal: 1,
      transport_error: 1,
      timeout: 1,
    });
    expect(report.failedCalls).toBe(7);
    // The stated fallback at a rise is deescalate, not a silent hold; each reason names its failure.
    answers.slice(0, 7).forEach((a, i) => {
      expect(a.choice).toBe('deescalate');
      expect(a.reason).toContain(NAMES[i]);
      expect(a.reason).toContain('stated fallback deescalate');
    });
    expect(answers[7]).toEqual({
      choice: 'deescalate',
      minutes: 0,
      reason: 'test endpoint says deescalate',
    });
    expect(report.failureRate.p).toBeCloseTo(7 / 8, 12);
    expect(report.failureRate.ci95[0]).toBeLessThan(7 / 8);
  });

  it('counts every retried attempt, and a run of trials reports bounds on P(use)', async () => {
    const loaded = loadBundled('korean-peninsula-2026.yaml');
    const client = new HttpChatClient({ baseUrl: endpoint.url, timeoutSignal: timeouts.signal });
    const c = { ...config('default'), retries: 2 };
    const agent = new LlmAgent(c, client);
    const result = await llmEpisodes(loaded, 'north', agent, 1, 0, 6);
    const r = result.failures;
    expect(r.calls).toBeGreaterThan(3);
    expect(r.attempts).toBe(r.calls + r.retries);
    expect(r.attempts).toBe(Object.values(r.attemptsByOutcome).reduce((a, b) => a + b, 0));
    // Three attempts per call, eight kinds in turn: some calls fail after all three.
    expect(r.failedCalls).toBeGreaterThan(0);
    expect(result.trialsWithFailure).toBeGreaterThan(0);
    const { lower, upper } = result.bounds;
    expect(lower.p).toBeLessThanOrEqual(result.nuclearUse.p);
    expect(upper.p).toBeGreaterThanOrEqual(result.nuclearUse.p);
    expect(upper.p - lower.p).toBeCloseTo(result.trialsWithFailure / 6, 12);
  });
});
