import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { startChatEndpoint, type ChatEndpoint } from '../helpers/chat-endpoint.ts';
import { scriptedModel } from '../helpers/scripted-model.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';

describe('petrov agents', () => {
  let endpoint: ChatEndpoint;
  const dir = mkdtempSync(join(tmpdir(), 'petrov-llm-'));
  beforeAll(async () => {
    endpoint = await startChatEndpoint((body) => scriptedModel(body));
  });
  afterAll(() => endpoint.close());

  it('never overwrites an existing recording: it names --record and leaves the file as it was', async () => {
    const rec = join(dir, 'kept.jsonl');
    writeFileSync(rec, '{"an earlier":"call"}\n');
    const run = await cli(
      'agents',
      'policy',
      KOREA,
      '--actor',
      'north',
      '--model',
      'stand-in',
      '--base-url',
      endpoint.url,
      '--record',
      rec,
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--record.*exists: a recording is never overwritten/);
    expect(readFileSync(rec, 'utf8')).toBe('{"an earlier":"call"}\n');
    expect(endpoint.requests.length).toBe(0);
  });

  it('records a policy run, then replays it offline to byte-identical --json', async () => {
    const rec = join(dir, 'north.jsonl');
    const args = [
      KOREA,
      '--actor',
      'north',
      '--model',
      'stand-in',
      '--runs',
      '1500',
      '--bootstrap',
      '2',
      '--json',
    ];
    const live = await cli(
      'agents',
      'policy',
      ...args,
      '--base-url',
      endpoint.url,
      '--record',
      rec,
    );
    expect(live.err).toBe('');
    expect(live.code).toBe(0);
    const lines = readFileSync(rec, 'utf8').trim().split('\n');
    expect(lines.length).toBe(
      (JSON.parse(live.out) as { calls: { attempts: number } }).calls.attempts,
    );
    const asked = endpoint.requests.length;
    // A dead base URL: the replay must not touch the network.
    const replay = await cli(
      'agents',
      'policy',
      ...args,
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--replay',
      rec,
    );
    expect(replay.code).toBe(0);
    expect(replay.out).toBe(live.out);
    expect(endpoint.requests.length).toBe(asked);
  }, 300_000);

  it('episode mode shows the model’s stated reason at each decision, and replays', async () => {
    const rec = join(dir, 'episode.jsonl');
    const args = [
      KOREA,
      '--actor',
      'north',
      '--model',
      'stand-in',
      '--trial',
      '0',
      '--trials',
      '2',
    ];
    const live = await cli(
      'agents',
      'episode',
      ...args,
      '--base-url',
      endpoint.url,
      '--record',
      rec,
    );
    expect(live.code).toBe(0);
    expect(live.out).toMatch(/the stand-in model chose \w+/);
    expect(live.out).toMatch(/Failure rate: /);
    const replay = await cli('agents', 'episode', ...args, '--replay', rec);
    expect(replay.out).toBe(live.out);
  }, 300_000);

  it('a request missing from the recording is an error, not a call', async () => {
    const rec = join(dir, 'episode.jsonl');
    const r = await cli(
      'agents',
      'episode',
      KOREA,
      '--actor',
      'north',
      '--model',
      'other-model',
      '--replay',
      rec,
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/is not in the replay of .*episode\.jsonl/);
  });

  it('check reports one call’s outcome and latency', async () => {
    const r = await cli('agents', 'check', endpoint.url, '--model', 'stand-in', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      outcome: string;
      latencyMs: number;
      reply: { choice: string };
    };
    expect(j.outcome).toBe('ok');
    expect(j.latencyMs).toBeGreaterThanOrEqual(0);
    const down = await cli('agents', 'check', 'http://127.0.0.1:9/v1', '--model', 'm');
    expect(down.out).toMatch(/transport_error/);
  });

  it('names the offender for an unknown actor', async () => {
    const r = await cli('agents', 'policy', KOREA, '--actor', 'east', '--model', 'm');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--actor.*no actor east/);
  });
});
