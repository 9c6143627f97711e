export { agentsFor } from './agents-for.ts';
export { DoctrineAgent } from './doctrine-agent.ts';
export { ScriptedAgent } from './scripted-agent.ts';
export { ReplayAgent, ReplayMismatchError, ReplayScript } from './replay-agent.ts';
export { RecordingAgent } from './recording-agent.ts';
export {
  decisionRecordingSchema,
  recordedDecisionSchema,
  type DecisionRecording,
  type RecordedDecision,
} from './decision-recording.ts';
export { type WaitingAgent, type WaitingAnswer } from './waiting-agent.ts';
export { PolicyAgent, UnelicitedSituationError } from './policy-agent.ts';
export { LlmAgent, chatSettings } from './llm-agent.ts';
export { PolicyElicitor, type ElicitedSituation, type Imputation } from './policy-elicitor.ts';
export { FailureTally, type FailureReport } from './failure-tally.ts';
export {
  fallbackChoice,
  LlmFailureError,
  LEAST_ESCALATORY,
  MOST_ESCALATORY,
} from './failure-policy.ts';
export {
  situationOf,
  situationKey,
  describeSituation,
  CONFIDENCE_EDGES,
  WINDOW_EDGES,
  type Situation,
} from './situation.ts';
export { systemPrompt, situationPrompt, observationPrompt, legalNames } from './llm-prompt.ts';
export { ESCALATION_SCORING, decisionSeverity, type SeverityClass } from './escalation-score.ts';
export { checkEndpoint, type EndpointCheck } from './check-endpoint.ts';
