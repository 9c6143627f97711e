import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyElicitor } from '../../src/agents/index.ts';
import {
  HttpChatClient,
  RecordingChatClient,
  ReplayChatClient,
  ReplayMissError,
} from '../../src/llm/index.ts';
import { policyRun, type PolicyRunResult } from '../../src/runner/index.ts';
import { withChanges, type LlmConfig, type LoadedScenario } from '../../src/scenario/index.ts';
import { startChatEndpoint, type ChatEndpoint } from '../helpers/chat-endpoint.ts';
import { scriptedModel } from '../helpers/scripted-model.ts';
import { loadBundled } from '../helpers/scenario.ts';

const RUNS = 100_000;

function withLlm(
  loaded: LoadedScenario,
  baseUrl: string,
): { loaded: LoadedScenario; config: LlmConfig } {
  const r = withChanges(
    loaded,
    [
      {
        path: ['actors', 'north', 'agent'],
        value: { type: 'llm', model: 'stand-in', baseUrl, replicates: 4 },
      },
    ],
    'test',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { loaded: r.value, config: r.value.scenario.actors.north.agent as LlmConfig };
}

describe('policy mode on the Korean baseline, recorded then replayed', () => {
  let endpoint: ChatEndpoint;
  let recorded: PolicyRunResult;
  const lines: string[] = [];
  const options = {
    runs: RUNS,
    seed: 3,
    bootstrap: 4,
    bootstrapRuns: 5_000,
    safeguards: ['hotline'],
  };

  beforeAll(async () => {
    endpoint = await startChatEndpoint((body) => scriptedModel(body));
    const { loaded, config } = withLlm(loadBundled('korean-peninsula-2026.yaml'), endpoint.url);
    const client = new RecordingChatClient(new HttpChatClient({ baseUrl: endpoint.url }), (l) =>
      lines.push(l),
    );
    recorded = await policyRun(loaded, 'north', new PolicyElicitor(config, client), 4, options);
  }, 600_000);
  afterAll(() => endpoint.close());

  it('met at most a few hundred situations in 100,000 trials, each asked 4 times', () => {
    expect(recorded.comparison?.runs).toBe(RUNS);
    expect(recorded.situations).toBeGreaterThan(3);
    expect(recorded.situations).toBeLessThanOrEqual(300);
    expect(recorded.calls.calls).toBe(lines.length);
    expect(recorded.calls.calls % 4).toBe(0);
    expect(endpoint.requests.length).toBe(lines.length);
    expect(recorded.calls.failedCalls).toBe(0);
  });

  it('compares a safeguard on the same policy with paired intervals widened by the elicitation', () => {
    const v = recorded.comparison?.variants[0];
    expect(v?.name).toBe('hotline');
    const rr = recorded.riskReduction;
    if (!v || !rr) throw new Error('no comparison');
    expect(rr.p).toBe(v.absoluteRiskReduction.estimate);
    expect(rr.ci95[0]).toBeLessThanOrEqual(v.absoluteRiskReduction.ci95[0] + 1e-15);
    expect(rr.ci95[1]).toBeGreaterThanOrEqual(v.absoluteRiskReduction.ci95[1] - 1e-15);
    // The pairing narrows the interval against independent runs of the same size.
    expect(v.absoluteRiskReduction.stderr).toBeLessThan(v.independentStderr);
    expect(recorded.nuclearUse.elicitationStderr).toBeGreaterThan(0);
  });

  it('replays from the recording with no endpoint to the same result, byte for byte', async () => {
    const { loaded, config } = withLlm(
      loadBundled('korean-peninsula-2026.yaml'),
      'http://127.0.0.1:9/v1',
    );
    const replay = new ReplayChatClient(lines.join(''), 'policy.jsonl');
    const again = await policyRun(loaded, 'north', new PolicyElicitor(config, replay), 4, options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(recorded));
    expect(replay.answered).toBe(lines.length);
  }, 600_000);

  it('refuses a request missing from the recording instead of calling out', async () => {
    const { loaded, config } = withLlm(
      loadBundled('korean-peninsula-2026.yaml'),
      'http://127.0.0.1:9/v1',
    );
    const partial = new ReplayChatClient(lines.slice(0, 3).join(''), 'partial.jsonl');
    await expect(
      policyRun(loaded, 'north', new PolicyElicitor(config, partial), 4, {
        runs: 1000,
        bootstrap: 0,
      }),
    ).rejects.toThrow(ReplayMissError);
  });
});
