import type { ChatRequest } from './chat-types.ts';
import { decisionReplyJsonSchema } from './decision-reply.ts';

/** How a model is asked: the same for every call of a run. */
export interface ChatSettings {
  readonly model: string;
  /** Default 0: the most repeatable answer a server gives. */
  readonly temperature: number;
  /** Base seed sent with each call (plus the attempt and replicate); null sends none. */
  readonly seed: number | null;
  /** Default 300. */
  readonly maxTokens: number;
}

export const DEFAULT_MAX_TOKENS = 300;

/** A structured decision request: the system and user text, constrained to the legal decisions. */
export function decisionRequest(
  settings: ChatSettings,
  system: string,
  user: string,
  legal: readonly [string, ...string[]],
  seedOffset: number,
): ChatRequest {
  return {
    model: settings.model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    temperature: settings.temperature,
    seed: settings.seed === null ? null : settings.seed + seedOffset,
    max_tokens: settings.maxTokens,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'decision', strict: true, schema: decisionReplyJsonSchema(legal) },
    },
  };
}
