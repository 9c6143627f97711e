/** One chat-completions request, as sent (the API key is never part of it). */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly { readonly role: 'system' | 'user'; readonly content: string }[];
  readonly temperature: number;
  /** Sent so a server that honours it gives the same reply again; null sends none. */
  readonly seed: number | null;
  readonly max_tokens: number;
  readonly response_format: {
    readonly type: 'json_schema';
    readonly json_schema: {
      readonly name: string;
      readonly strict: true;
      readonly schema: unknown;
    };
  };
}

/** What came back from one request that reached the server and got an answer. */
export interface ChatReply {
  /** The message text, raw (null when the server sent none). */
  readonly text: string | null;
  /** `stop`, `length`, `content_filter`, … as the server said; null when absent. */
  readonly finishReason: string | null;
  /** The server's refusal text (OpenAI's `message.refusal`); null when none. */
  readonly refusal: string | null;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number } | null;
  readonly systemFingerprint: string | null;
}

/** How one request ended at the transport: a reply, or no usable reply. */
export type ChatExchange =
  | { readonly kind: 'reply'; readonly reply: ChatReply; readonly latencyMs: number }
  | { readonly kind: 'transport'; readonly message: string; readonly latencyMs: number }
  | { readonly kind: 'timeout'; readonly message: string; readonly latencyMs: number };

/** A chat-completions endpoint: over HTTP, or answered from a recording. */
export interface ChatClient {
  /** Where it answers from, for reports (a base URL, or `replay of FILE`). */
  readonly source: string;
  send(request: ChatRequest): Promise<ChatExchange>;
}
