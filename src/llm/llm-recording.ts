import { z } from 'zod';
import type { ChatClient, ChatExchange, ChatRequest } from './chat-types.ts';
import { requestHash } from './canonical-request.ts';

export const LLM_RECORDING_FORMAT = 'petrov-llm/1';
/** Lines a recording may hold (bounded work when reading one). */
export const MAX_RECORDING_LINES = 1_000_000;

const replySchema = z.strictObject({
  text: z.string().nullable(),
  finishReason: z.string().nullable(),
  refusal: z.string().nullable(),
  usage: z
    .strictObject({ promptTokens: z.number().min(0), completionTokens: z.number().min(0) })
    .nullable(),
  systemFingerprint: z.string().nullable(),
});

/** One line of a recording: the request (its hash, model and messages) and how it ended. */
export const recordingLineSchema = z.strictObject({
  format: z.literal(LLM_RECORDING_FORMAT),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  request: z.unknown(),
  exchange: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('reply'), reply: replySchema, latencyMs: z.number().min(0) }),
    z.strictObject({
      kind: z.enum(['transport', 'timeout']),
      message: z.string().max(2000),
      latencyMs: z.number().min(0),
    }),
  ]),
});
export type RecordingLine = z.infer<typeof recordingLineSchema>;

/** Sends through `inner` and hands every request and its exchange to `write`, one JSONL line each. */
export class RecordingChatClient implements ChatClient {
  readonly source: string;

  constructor(
    private readonly inner: ChatClient,
    private readonly write: (line: string) => void,
  ) {
    this.source = inner.source;
  }

  async send(request: ChatRequest): Promise<ChatExchange> {
    const exchange = await this.inner.send(request);
    const line: RecordingLine = {
      format: LLM_RECORDING_FORMAT,
      hash: requestHash(request),
      request,
      exchange,
    };
    this.write(`${JSON.stringify(line)}\n`);
    return exchange;
  }
}

/** A recording could not be read, or a request is not in it (replay never calls the network). */
export class ReplayMissError extends Error {}
ReplayMissError.prototype.name = 'ReplayMissError';

/**
 * Answers from a recording: the k-th time a request is asked, its k-th recorded exchange. A
 * request it does not hold is an error, never a call.
 */
export class ReplayChatClient implements ChatClient {
  readonly source: string;
  private readonly byHash = new Map<string, ChatExchange[]>();
  private readonly used = new Map<string, number>();
  /** Exchanges answered so far. */
  answered = 0;

  constructor(text: string, name: string) {
    this.source = `replay of ${name}`;
    const lines = text.split('\n');
    if (lines.length > MAX_RECORDING_LINES + 1) {
      throw new ReplayMissError(`${name}: more than ${MAX_RECORDING_LINES} lines`);
    }
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ReplayMissError(`${name}:${i + 1}: not a JSON line`);
      }
      const parsed = recordingLineSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ReplayMissError(
          `${name}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`,
        );
      }
      const list = this.byHash.get(parsed.data.hash) ?? [];
      list.push(parsed.data.exchange as ChatExchange);
      this.byHash.set(parsed.data.hash, list);
    });
  }

  send(request: ChatRequest): Promise<ChatExchange> {
    const hash = requestHash(request);
    const k = this.used.get(hash) ?? 0;
    const exchange = this.byHash.get(hash)?.[k];
    if (exchange === undefined) {
      return Promise.reject(
        new ReplayMissError(
          `request ${hash.slice(0, 12)}… (asked ${k + 1} time${k === 0 ? '' : 's'}) is not in the ${this.source}: record it first`,
        ),
      );
    }
    this.used.set(hash, k + 1);
    this.answered++;
    return Promise.resolve(exchange);
  }
}
