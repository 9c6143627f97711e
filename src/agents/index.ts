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
