export type { ChatClient, ChatExchange, ChatReply, ChatRequest } from './chat-types.ts';
export {
  HttpChatClient,
  DEFAULT_API_KEY_ENV,
  DEFAULT_TIMEOUT_SECONDS,
  type HttpChatOptions,
} from './http-chat-client.ts';
export {
  CALL_OUTCOMES,
  addOutcomeCounts,
  emptyOutcomeCounts,
  type CallFailure,
  type CallOutcome,
  type OutcomeCounts,
} from './call-outcome.ts';
export {
  decisionReplySchema,
  decisionReplyJsonSchema,
  MAX_DECISION_MINUTES,
  MAX_REASON_CHARS,
  type DecisionReply,
} from './decision-reply.ts';
export {
  classify,
  structuredCall,
  DEFAULT_RETRIES,
  type Attempt,
  type StructuredResult,
} from './structured-call.ts';
export { requestHash } from './canonical-request.ts';
export {
  RecordingChatClient,
  ReplayChatClient,
  ReplayMissError,
  LLM_RECORDING_FORMAT,
  recordingLineSchema,
  type RecordingLine,
} from './llm-recording.ts';
export { decisionRequest, DEFAULT_MAX_TOKENS, type ChatSettings } from './chat-settings.ts';
export { CappedChatClient, CallLimitError } from './capped-chat-client.ts';
