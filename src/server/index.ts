/** The HTTP API and web app server; only bin/petrov.mjs and tests import it. */
export { createApp, type PetrovApp, type ServerDeps } from './app.ts';
export { DEFAULT_ACCESS, type AccessPolicy } from './access-policy.ts';
export { ApiError, type ApiErrorBody, type ApiIssue } from './api-error.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
export { RunManager, type ProgressEvent, type RunEvent } from './run-manager.ts';
export { SCENARIO_NAME, type ScenarioListing } from './scenario-library.ts';
export { registerServe, type ServeIo } from './serve-command.ts';
export { startServer, type ServeOptions } from './start-server.ts';
export {
  serverLlm,
  DEFAULT_MAX_LLM_CALLS,
  type ServerLlm,
  type ServerLlmOptions,
} from './server-llm.ts';
