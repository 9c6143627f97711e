/**
 * A small OpenAI-compatible chat-completions route over a real llama.cpp engine (node-llama-cpp,
 * from the fixture folder test/llama-engine): each request's `response_format` JSON Schema becomes
 * a grammar, so replies meet real constrained decoding. CPU only, one thread, nothing downloaded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LLAMA_FIXTURE = fileURLToPath(new URL('../llama-engine/', import.meta.url));
const ENTRY = `${LLAMA_FIXTURE}node_modules/node-llama-cpp/dist/index.js`;

export const llamaInstalled = (): boolean => existsSync(ENTRY);

/** The parts of node-llama-cpp the route uses (it is not a dependency of the project). */
interface Session {
  promptWithMeta(
    text: string,
    options: { grammar: unknown; maxTokens: number; temperature: number; seed?: number },
  ): Promise<{ responseText: string; stopReason: string }>;
  dispose(options?: { disposeSequence?: boolean }): void;
}
interface LlamaModule {
  getLlama(options: { gpu: false; build: 'never'; logLevel?: string }): Promise<{
    loadModel(o: { modelPath: string }): Promise<{
      createContext(o: { contextSize: number; threads: number }): Promise<{
        getSequence(): { clearHistory(): Promise<void> };
      }>;
    }>;
    createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
  }>;
  LlamaChatSession: new (o: {
    contextSequence: unknown;
    systemPrompt: string;
    autoDisposeSequence: boolean;
    chatWrapper: unknown;
  }) => Session;
  ChatMLChatWrapper: new () => unknown;
}

interface Body {
  messages: { role: string; content: string }[];
  max_tokens: number;
  temperature: number;
  seed: number | null;
  response_format: { json_schema: { schema: unknown } };
}

export async function startLlamaRoute(modelPath: string) {
  const m = (await import(pathToFileURL(ENTRY).href)) as LlamaModule;
  const llama = await m.getLlama({ gpu: false, build: 'never', logLevel: 'error' });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 2048, threads: 1 });
  const sequence = context.getSequence();
  let queue = Promise.resolve();
  const answer = async (body: Body) => {
    await sequence.clearHistory();
    // The tiny model's vocabulary has ASCII bytes only: other characters would not tokenize.
    const ascii = (s: string) => s.replace(/[^\t\n\r\x20-\x7e]/g, '?');
    const system = ascii(body.messages.find((x) => x.role === 'system')?.content ?? '');
    const user = ascii(body.messages.find((x) => x.role === 'user')?.content ?? '');
    const session = new m.LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: system,
      autoDisposeSequence: false,
      // Named, not detected: detection tokenizes sample text the tiny vocabulary cannot hold.
      chatWrapper: new m.ChatMLChatWrapper(),
    });
    const grammar = await llama.createGrammarForJsonSchema(body.response_format.json_schema.schema);
    const r = await session.promptWithMeta(user, {
      grammar,
      maxTokens: body.max_tokens,
      temperature: body.temperature,
      seed: body.seed ?? undefined,
    });
    session.dispose({ disposeSequence: false });
    return {
      choices: [
        {
          index: 0,
          finish_reason: r.stopReason === 'maxTokens' ? 'length' : 'stop',
          message: { role: 'assistant', content: r.responseText },
        },
      ],
      system_fingerprint: 'node-llama-cpp',
    };
  };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      // One request at a time: the engine has one sequence.
      queue = queue.then(async () => {
        try {
          const out = await answer(JSON.parse(text) as Body);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
        } catch (error) {
          res.writeHead(500).end(JSON.stringify({ error: String(error) }));
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
