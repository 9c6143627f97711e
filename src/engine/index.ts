export {
  compileModel,
  AnswerCode,
  D,
  K,
  Mode,
  P_OUTAGE,
  R,
  Timeout,
  PROCESSES_PER_ACTOR,
  type CompiledModel,
} from './compiled-model.ts';
export { neutralTilt, Site, SITE_KINDS, siteIndex, siteProbabilities, type Tilt } from './tilt.ts';
export { Simulator } from './simulator.ts';
export { MAX_BRANCH_KEY } from './branch.ts';
export {
  AgentError,
  Choice,
  CHOICE_NAMES,
  DECISION_POINTS,
  DecisionPoint,
  LEGAL_CHOICES,
  POINT_PHRASES,
  type ChoiceName,
  type Decision,
  type DecisionMaker,
  type DecisionPointName,
} from './decision-maker.ts';
export { Judgment, type DecisionDraws } from './decision-draws.ts';
export {
  ObservationState,
  RECENT_EVENTS,
  SEEN_KIND_NAMES,
  SeenKind,
  observationOf,
  snapshotObservation,
  type Observation,
  type ObservationSnapshot,
} from './observation.ts';
export { isModelLimit, ModelLimitError } from './model-limit-error.ts';
export { MAX_TRACED_TRACKS } from './quiet-tracks.ts';
export {
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_TRACE_EVENTS,
  type SimulatorLimits,
} from './simulator-limits.ts';
export { TrialOutcome } from './trial-outcome.ts';
export type { Recorder } from './recorder.ts';
export {
  Origin,
  ORIGIN_COUNT,
  ORIGIN_NAMES,
  CAUSE_OF_ORIGIN,
  causeOf,
  COUNT_NAMES,
  COUNT_DESCRIPTIONS,
  Count,
  Flag,
  FLAG_NAMES,
  FLAG_DESCRIPTIONS,
  type FlagName,
  TraceKind,
  DecisionOutcome,
  type CountName,
} from './codes.ts';
