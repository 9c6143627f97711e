/**
 * Petrov's public library API: the CLI (and later the server and reports) call only this.
 * Load a scenario, simulate it, trace a trial.
 */
export {
  loadScenarioText,
  loadScenarioFile,
  noEffectWarnings,
  STARTER_SCENARIO,
  resolveScenarioObject,
  scenarioJsonSchema,
  fieldReferenceMarkdown,
  scenarioSchema,
  type LoadedScenario,
  type LoadOptions,
  type ResolvedScenario,
  type ScenarioInput,
  applySafeguards,
  availableSafeguards,
  BUILTIN_SAFEGUARDS,
  type Safeguard,
  type SafeguardedScenario,
} from './scenario/index.ts';
export * from './scenario/vocabulary.ts';
export { scenarioCapability, type ActorCapability } from './scenario/index.ts';
export {
  computeCapability,
  DEFAULT_SCALING_LAW,
  type Capability,
  type CapabilityInputs,
  type DomainCapability,
  type ScalingLaw,
} from './capability/index.ts';
export {
  compileModel,
  isModelLimit,
  ModelLimitError,
  Simulator,
  COUNT_NAMES,
  COUNT_DESCRIPTIONS,
  type CompiledModel,
  type Recorder,
  type CountName,
} from './engine/index.ts';
export {
  estimateProportion,
  estimateMean,
  type ProportionEstimate,
  type MeanEstimate,
  type RunSummary,
} from './estimate/index.ts';
export {
  simulate,
  simulatePart,
  WorkerPool,
  toPartFile,
  mergeParts,
  CHUNK_SIZE,
  type RunPartFile,
  type Shard,
  traceTrial,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_MAX_RUNS,
  type SimulateOptions,
  type RunResult,
  type Progress,
  type TraceResult,
  type TraceEvent,
} from './runner/index.ts';
export {
  compare,
  describeTilt,
  METHODS,
  tiltFromSpec,
  type CompareOptions,
  type ComparisonResult,
  type ImportanceReport,
  type Method,
  type TiltRound,
  type TiltSpec,
} from './runner/index.ts';
export { pathways } from './runner/index.ts';
export {
  recordedTrace,
  replayedTrace,
  runEpisode,
  simulatorFor,
  trialRecord,
  type EpisodeOptions,
  type EpisodeResult,
  type TrialRecord,
} from './runner/index.ts';
export {
  agentsFor,
  DoctrineAgent,
  ReplayAgent,
  ScriptedAgent,
  type DecisionRecording,
  type RecordedDecision,
  type WaitingAgent,
  type WaitingAnswer,
} from './agents/index.ts';
export {
  Choice,
  CHOICE_NAMES,
  DECISION_POINTS,
  DecisionPoint,
  LEGAL_CHOICES,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
  type ObservationSnapshot,
} from './engine/index.ts';
export {
  type Variant,
  type CompareResult,
  type VariantResult,
  type ArmResult,
  type PathwaysOptions,
  type PathwaysResult,
  type Pathway,
} from './analysis/index.ts';
export { pairedEstimate, type PairedEstimate, type PairCounts } from './estimate/index.ts';
export { type Issue, type Result, formatIssue, InputError } from './util/index.ts';
export { VERSION } from './version.ts';
export {
  compareTable,
  pathwaysTable,
  reportHtml,
  reproduceCommand,
  runsTable,
  runTable,
  toCsv,
  type Cell,
  type DataColumn,
  type DataTable,
  type ReportInput,
} from './report/index.ts';
