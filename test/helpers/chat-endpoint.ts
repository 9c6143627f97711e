/**
 * A small OpenAI-compatible chat-completions endpoint for tests: each request's answer comes from
 * `answer(body, index)` — a reply, an HTTP status, or a hang (no answer until the test closes it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EndpointAnswer =
  | { readonly content: string | null; readonly finish?: string; readonly refusal?: string }
  | { readonly status: number }
  | 'hang';

export interface ChatRequestBody {
  readonly model: string;
  readonly seed: number | null;
  readonly messages: readonly { role: string; content: string }[];
  readonly response_format: {
    json_schema: { schema: { properties: { choice: { enum: string[] } } } };
  };
}

export interface ChatEndpoint {
  readonly url: string;
  readonly requests: ChatRequestBody[];
  /** Called when a request is left hanging (so a test can fire its timeout). */
  onHang: () => void;
  close(): Promise<void>;
}

export async function startChatEndpoint(
  answer: (body: ChatRequestBody, index: number) => EndpointAnswer,
): Promise<ChatEndpoint> {
  const hanging: ServerResponse[] = [];
  const requests: ChatRequestBody[] = [];
  const endpoint: ChatEndpoint = {
    url: '',
    requests,
    onHang: () => {},
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as ChatRequestBody;
      const a = answer(body, requests.length);
      requests.push(body);
      if (a === 'hang') {
        hanging.push(res);
        endpoint.onHang();
        return;
      }
      if ('status' in a) {
        res.writeHead(a.status, { 'content-type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `test-${requests.length}`,
          system_fingerprint: 'test-endpoint',
          choices: [
            {
              index: 0,
              finish_reason: a.finish ?? 'stop',
              message: { role: 'assistant', content: a.content, refusal: a.refusal ?? null },
            },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 20 },
        }),
      );
    });
  });
  // Longer than any test's pause between calls: a client must not reuse a socket being closed.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (endpoint as { url: string }).url =
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return endpoint;
}

/** A signal factory the test fires itself: the hang test never waits on a clock. */
export function manualTimeouts(): { signal: (ms: number) => AbortSignal; fire: () => void } {
  let current = new AbortController();
  return {
    signal: () => {
      current = new AbortController();
      return current.signal;
    },
    fire: () => current.abort(),
  };
}
