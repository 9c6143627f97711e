import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyElicitor } from '../../src/agents/index.ts';
import {
  HttpChatClient,
  RecordingChatClient,
  ReplayChatClient,
  ReplayMissError,
} from '../../src/llm/index.ts';
import { elicitPolicy, policyRun, type PolicyRunResult } from '../../src/runner/index.ts';
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

describe('policy mode on the Korean baseline, from a recording the suite makes', () => {
  let endpoint: ChatEndpoint;
  let replayed: PolicyRunResult;
  let asked = 0;
  const lines: string[] = [];
  // With the bootstrap: the recording pass sweeps each draw's resampled table too, so the replay
  // meets no situation the recording lacks.
  const BOOTSTRAP = { bootstrap: 2, bootstrapRuns: 5_000 };
  const options = { runs: RUNS, seed: 3, ...BOOTSTRAP, safeguards: ['hotline'] };
  const korea = loadBundled('korean-peninsula-2026.yaml');
  const recordingClient = () =>
    new RecordingChatClient(new HttpChatClient({ baseUrl: endpoint.url }), (l) => lines.push(l));

  beforeAll(async () => {
    endpoint = await startChatEndpoint((body) => scriptedModel(body));
    // Record: the stand-in model is asked about every situation both arms meet.
    const { loaded, config } = withLlm(korea, endpoint.url);
    await elicitPolicy(
      loaded,
      'north',
      new PolicyElicitor(config, recordingClient()),
      3,
      RUNS,
      ['hotline'],
      { ...BOOTSTRAP, bounds: true },
    );
    asked = endpoint.requests.length;
    // Replay: no endpoint at all.
    const offline = withLlm(korea, 'http://127.0.0.1:9/v1');
    const replay = new ReplayChatClient(lines.join(''), 'policy.jsonl');
    replayed = await policyRun(
      offline.loaded,
      'north',
      new PolicyElicitor(offline.config, replay),
      4,
      options,
    );
    expect(replay.answered).toBe(lines.length);
  }, 600_000);
  afterAll(() => endpoint.close());

  it('runs 100,000 trials meeting at most a few hundred situations, each asked 4 times', () => {
    expect(replayed.comparison?.runs).toBe(RUNS);
    expect(replayed.situations).toBeGreaterThan(3);
    expect(replayed.situations).toBeLessThanOrEqual(500);
    // One line per attempt (a call retried after a transport hiccup writes two); the replay
    // reads back at most what was recorded.
    expect(replayed.calls.attempts).toBeLessThanOrEqual(lines.length);
    expect(replayed.calls.calls % 4).toBe(0);
    // The replay asked the endpoint nothing.
    expect(endpoint.requests.length).toBe(asked);
    expect(replayed.escalationPerDay.ci95[0]).toBeLessThanOrEqual(replayed.escalationPerDay.mean);
  });

  it('compares a safeguard on the same policy with paired intervals widened by the elicitation', () => {
    const v = replayed.comparison?.variants[0];
    expect(v?.name).toBe('hotline');
    const rr = replayed.riskReduction;
    if (!v || !rr) throw new Error('no comparison');
    expect(rr.p).toBe(v.absoluteRiskReduction.estimate);
    expect(rr.ci95[0]).toBeLessThanOrEqual(v.absoluteRiskReduction.ci95[0] + 1e-15);
    expect(rr.ci95[1]).toBeGreaterThanOrEqual(v.absoluteRiskReduction.ci95[1] - 1e-15);
    // The pairing narrows the interval against independent runs of the same size.
    expect(v.absoluteRiskReduction.stderr).toBeLessThan(v.independentStderr);
    // The bootstrap ran: the elicitation's spread widens the interval beyond the Monte Carlo's.
    expect(replayed.nuclearUse.elicitationStderr).toBeGreaterThan(0);
    expect(rr.elicitationStderr).toBeGreaterThan(0);
  });

  it('a recorded run replays to the same result, byte for byte', async () => {
    const small = { runs: 1_000, seed: 5, bootstrap: 3, bootstrapRuns: 500 };
    const mine: string[] = [];
    const { loaded, config } = withLlm(korea, endpoint.url);
    const live = new RecordingChatClient(new HttpChatClient({ baseUrl: endpoint.url }), (l) =>
      mine.push(l),
    );
    const first = await policyRun(loaded, 'north', new PolicyElicitor(config, live), 4, small);
    const replay = new ReplayChatClient(mine.join(''), 'small.jsonl');
    const again = await policyRun(loaded, 'north', new PolicyElicitor(config, replay), 4, small);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(first.nuclearUse.elicitationStderr).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a request missing from the recording instead of calling out', async () => {
    const { loaded, config } = withLlm(korea, 'http://127.0.0.1:9/v1');
    const partial = new ReplayChatClient(lines.slice(0, 3).join(''), 'partial.jsonl');
    await expect(
      policyRun(loaded, 'north', new PolicyElicitor(config, partial), 4, {
        runs: 1000,
        bootstrap: 0,
      }),
    ).rejects.toThrow(ReplayMissError);
  });
});
