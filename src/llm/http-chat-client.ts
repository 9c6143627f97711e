import type { ChatClient, ChatExchange, ChatReply, ChatRequest } from './chat-types.ts';

/** Cap on a reply body read: a hostile or broken server cannot fill memory. */
const MAX_BODY_BYTES = 1_000_000;

export interface HttpChatOptions {
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama); `/chat/completions` is appended. */
  readonly baseUrl: string;
  /** The environment variable holding the API key; default `PETROV_LLM_API_KEY`. Never stored. */
  readonly apiKeyEnv?: string;
  /** Seconds before a request is abandoned as a timeout; default 60. */
  readonly timeoutSeconds?: number;
  /** Where the key is read from; default `process.env` (tests inject their own). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Injected for tests; default global fetch. */
  readonly fetch?: typeof fetch;
  /** Aborts after `ms`; tests inject a signal they abort themselves, so no test waits on a clock. */
  readonly timeoutSignal?: (ms: number) => AbortSignal;
  /** Milliseconds clock for latency only; default `performance.now`. */
  readonly clock?: () => number;
}

export const DEFAULT_API_KEY_ENV = 'PETROV_LLM_API_KEY';
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** An OpenAI-compatible chat-completions endpoint over fetch (Ollama, vLLM, llama.cpp server). */
export class HttpChatClient implements ChatClient {
  readonly source: string;
  private readonly url: string;

  constructor(private readonly options: HttpChatOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    const parsed = new URL(base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`invalid base URL: ${base} (expected http:// or https://)`);
    }
    this.url = `${base}/chat/completions`;
    this.source = base;
  }

  async send(request: ChatRequest): Promise<ChatExchange> {
    const o = this.options;
    const clock = o.clock ?? (() => performance.now());
    const ms = (o.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    const signal = (o.timeoutSignal ?? ((t: number) => AbortSignal.timeout(t)))(ms);
    const key = (o.env ?? process.env)[o.apiKeyEnv ?? DEFAULT_API_KEY_ENV];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const started = clock();
    const latency = () => Math.round(clock() - started);
    try {
      const response = await (o.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        signal,
      });
      const body = await readCapped(response);
      if (!response.ok) {
        return { kind: 'transport', message: `HTTP ${response.status}`, latencyMs: latency() };
      }
      const reply = parseReply(body);
      if (typeof reply === 'string') {
        return { kind: 'transport', message: reply, latencyMs: latency() };
      }
      return { kind: 'reply', reply, latencyMs: latency() };
    } catch (error) {
      if (signal.aborted) {
        return { kind: 'timeout', message: `no reply within ${ms / 1000} s`, latencyMs: latency() };
      }
      // The message only: a fetch error's cause can carry request headers.
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'transport', message, latencyMs: latency() };
    }
  }
}

async function readCapped(response: Response): Promise<string> {
  const text = await response.text();
  return text.length > MAX_BODY_BYTES ? text.slice(0, MAX_BODY_BYTES) : text;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The parts of a chat-completions body Petrov reads, or what is wrong with it. */
function parseReply(body: string): ChatReply | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'the server answered with a body that is not JSON';
  }
  if (typeof json !== 'object' || json === null) return 'the server answered with no object';
  const o = json as Record<string, unknown>;
  const choices = o.choices;
  if (!Array.isArray(choices) || choices.length === 0) return 'the server answered with no choices';
  const first = choices[0] as Record<string, unknown> | null;
  const message = (first?.message ?? null) as Record<string, unknown> | null;
  const usage = o.usage as Record<string, unknown> | undefined;
  return {
    text: str(message?.content),
    finishReason: str(first?.finish_reason),
    refusal: str(message?.refusal),
    usage:
      usage && typeof usage === 'object'
        ? { promptTokens: num(usage.prompt_tokens), completionTokens: num(usage.completion_tokens) }
        : null,
    systemFingerprint: str(o.system_fingerprint),
  };
}
