import type { ChatClient, ChatExchange, ChatRequest } from './chat-types.ts';

/** A request past a client's cap on calls: the work asking is stopped, never answered by default. */
export class CallLimitError extends Error {
  override readonly name = 'CallLimitError';
}

/**
 * Passes at most `limit` requests on to `inner`; the next one throws a CallLimitError naming
 * `what` (how to raise the cap), so one request to a server cannot make unbounded model calls.
 */
export class CappedChatClient implements ChatClient {
  /** Requests passed on so far. */
  sent = 0;

  constructor(
    private readonly inner: ChatClient,
    readonly limit: number,
    private readonly what: string,
  ) {}

  get source(): string {
    return this.inner.source;
  }

  send(request: ChatRequest): Promise<ChatExchange> {
    if (this.sent >= this.limit) {
      return Promise.reject(
        new CallLimitError(`the run needs more than ${this.limit} model calls (${this.what})`),
      );
    }
    this.sent++;
    return this.inner.send(request);
  }
}
