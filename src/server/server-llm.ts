import {
  DEFAULT_API_KEY_ENV,
  HttpChatClient,
  InputError,
  newOutputFile,
  readInputFile,
  RecordingChatClient,
  ReplayChatClient,
  type ChatClient,
  type ConfiguredModel,
} from '../index.ts';

/** Model calls one request may make, unless `petrov serve --max-llm-calls` says otherwise. */
export const DEFAULT_MAX_LLM_CALLS = 5_000;

/** A recording holds one line per call; far more than this is not a recording. */
const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

/**
 * The language model whoever started the server configured (`petrov serve --llm-url`): the only
 * one a run may call. A request never names an endpoint (docs/api.md threat model).
 */
export interface ServerLlm {
  readonly model: ConfiguredModel;
  /** A client for one run: the endpoint, recorded or replayed as the server was told. */
  readonly client: () => ChatClient;
  /** Most model calls (attempts, retries included) one request may make. */
  readonly maxCalls: number;
}

export interface ServerLlmOptions {
  /** OpenAI-compatible base URL (`--llm-url`). */
  readonly url: string;
  /** Model name the endpoint knows (`--llm-model`). */
  readonly model: string;
  /** Environment variable holding the API key. Default PETROV_LLM_API_KEY. */
  readonly apiKeyEnv?: string;
  /** Answer from this JSONL recording only, never the network (`--llm-replay`). */
  readonly replay?: string;
  /** Append every request and reply to this JSONL recording (`--llm-record`), emptied at start. */
  readonly record?: string;
  /** Default DEFAULT_MAX_LLM_CALLS. */
  readonly maxCalls?: number;
  /** Seconds before a call is a timeout. Default 60. */
  readonly timeoutSeconds?: number;
}

/** The server's model from its start-up options; a recording to replay is read once, here. */
export function serverLlm(options: ServerLlmOptions): ServerLlm {
  const apiKeyEnv = options.apiKeyEnv ?? DEFAULT_API_KEY_ENV;
  const model: ConfiguredModel = { model: options.model, baseUrl: options.url, apiKeyEnv };
  const maxCalls = options.maxCalls ?? DEFAULT_MAX_LLM_CALLS;
  if (options.replay !== undefined) {
    const file = options.replay;
    const text = readInputFile(file, MAX_RECORDING_BYTES, 'the recording');
    if (!text.ok) throw new InputError(text.issues);
    // A fresh replay per run: each answers its requests from the start of the recording.
    return { model, maxCalls, client: () => new ReplayChatClient(text.value, file) };
  }
  const http = new HttpChatClient({
    baseUrl: options.url,
    apiKeyEnv,
    timeoutSeconds: options.timeoutSeconds ?? 60,
  });
  if (options.record === undefined) return { model, maxCalls, client: () => http };
  const write = newOutputFile(options.record, '--llm-record');
  if (!write.ok) throw new InputError(write.issues);
  const recorded = new RecordingChatClient(http, write.value);
  return { model, maxCalls, client: () => recorded };
}
