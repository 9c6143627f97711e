import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmAgent } from '../../src/agents/index.ts';
import {
  CALL_OUTCOMES,
  HttpChatClient,
  MAX_DECISION_MINUTES,
  RecordingChatClient,
  type RecordingLine,
} from '../../src/llm/index.ts';
import { agentSchema, type LlmConfig } from '../../src/scenario/index.ts';
import { LLAMA_FIXTURE, llamaInstalled, startLlamaRoute } from '../helpers/llama-route.ts';
import { writeTinyGguf } from '../helpers/tiny-gguf.ts';

// .ci/run installs the fixture and sets this: there, a missing engine fails instead of skipping.
const required = Boolean(process.env.CI) || Boolean(process.env.PETROV_REQUIRE_LLAMA);
const installed = llamaInstalled();
const CALLS = 6;

if (!installed) {
  describe('real llama.cpp engine', () => {
    it.runIf(required)('needs the fixture installed (CI or PETROV_REQUIRE_LLAMA is set)', () => {
      expect.fail(`node-llama-cpp is not installed in ${LLAMA_FIXTURE}: .ci/run installs it`);
    });
    it.skipIf(required)(
      `skipped: node-llama-cpp is not installed in ${LLAMA_FIXTURE} (cd there and run NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm ci --omit=optional)`,
      () => {},
    );
  });
} else {
  describe('real llama.cpp engine under constrained decoding', () => {
    let route: Awaited<ReturnType<typeof startLlamaRoute>>;
    const lines: RecordingLine[] = [];
    let agent: LlmAgent;

    beforeAll(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'petrov-gguf-')), 'tiny.gguf');
      writeTinyGguf(file);
      route = await startLlamaRoute(file);
      const config = agentSchema.parse({
        type: 'llm',
        model: 'tiny-random',
        baseUrl: route.url,
        maxTokens: 96,
        retries: 1,
        timeoutSeconds: 600,
        temperature: 0.8,
      }) as LlmConfig;
      const client = new RecordingChatClient(
        new HttpChatClient({ baseUrl: route.url, timeoutSeconds: 600 }),
        (l) => lines.push(JSON.parse(l) as RecordingLine),
      );
      agent = new LlmAgent(config, client);
      for (let i = 0; i < CALLS; i++) {
        await agent.decide({
          point: i % 3,
          actor: 0,
          minute: 10 + i,
          mode: 0,
          ownRung: 1,
          perceivedRung: 2,
          domain: 0,
          byAi: true,
          confidence: 0.9,
          confirmed: -1,
          windowMinutes: 8,
          responseRung: 5,
          linkUp: i % 3 !== 2,
          outageMinutes: i % 3 === 2 ? 60 : 0,
          recent: [],
        });
      }
    }, 600_000);
    afterAll(() => route?.close());

    it('classifies every attempt of the real engine under exactly one outcome', () => {
      const r = agent.tally.report();
      expect(r.calls).toBe(CALLS);
      expect(r.attempts).toBe(lines.length);
      expect(CALL_OUTCOMES.reduce((n, k) => n + r.attemptsByOutcome[k], 0)).toBe(lines.length);
      // The grammar gives the shape; transport never failed.
      expect(r.attemptsByOutcome.transport_error + r.attemptsByOutcome.timeout).toBe(0);
    });

    it('counts the numbers the grammar lets out of range as schema violations, never clamped', () => {
      let outOfRange = 0;
      for (const l of lines) {
        if (l.exchange.kind !== 'reply' || l.exchange.reply.finishReason === 'length') continue;
        const text = l.exchange.reply.text ?? '';
        let minutes: unknown;
        try {
          minutes = (JSON.parse(text) as { minutes?: unknown }).minutes;
        } catch {
          continue;
        }
        if (typeof minutes === 'number' && (minutes < 0 || minutes > MAX_DECISION_MINUTES))
          outOfRange++;
      }
      expect(agent.tally.report().attemptsByOutcome.schema_violation).toBeGreaterThanOrEqual(
        outOfRange,
      );
    });
  });
}
