/**
 * Petrov's public library API: the CLI (and later the server and reports) call only this.
 * Load a scenario, simulate it, trace a trial.
 */
export {
  loadScenarioText,
  loadScenarioFile,
  newOutputFile,
  readInputFile,
  MAX_SCENARIO_BYTES,
  MAX_ISSUES,
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
/** The names of domains and rungs, by index, as observations and outcomes number them. */
export { DOMAINS, RUNGS } from './scenario/index.ts';
export { SEEN_KIND_NAMES } from './engine/index.ts';
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
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_TRACE_EVENTS,
  type SimulatorLimits,
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
  checkEventBound,
  WorkerPool,
  toPartFile,
  mergeParts,
  parsePart,
  partChecksum,
  MAX_SHARDS,
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
  parseTiltSpec,
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
  tornado,
  ratioTornado,
  sobol,
  BASE_POINT_RANGE,
  DEFAULT_BASE_POINTS,
  DEFAULT_REPETITIONS,
  uncertainty,
  DEFAULT_PARAMETER_SETS,
  DEFAULT_SET_REPETITIONS,
  type UncertaintyOptions,
  type SobolOptions,
  type TornadoOptions,
  type StudyRunOptions,
} from './runner/index.ts';
export { whatIfNameProblem, whatIfVariants, type WhatIf } from './analysis/index.ts';
export {
  STUDY_OUTCOMES,
  TORNADO_QUANTILES,
  type StudyOutcome,
  type ParameterIndices,
  type SobolResult,
  type UncertaintyResult,
  type OutcomeSpread,
  type Estimated,
  type SafeguardSpread,
  type TornadoBar,
  type TornadoEnd,
  type TornadoResult,
  type RatioEstimate,
  type RatioTornadoBar,
  type RatioTornadoEnd,
  type RatioTornadoResult,
  type SensitivityTornado,
  isRatioTornado,
  type SobolRatio,
  TRUSTED_BASE_POINTS,
} from './analysis/index.ts';
export {
  DISTRIBUTION_KINDS,
  uncertainParameters,
  type Distribution,
  type ParameterValue,
  type UncertainParameter,
} from './scenario/index.ts';
export { type Difference } from './estimate/index.ts';
export {
  recordedTrace,
  replayedTrace,
  branchRisks,
  branchTrial,
  runEpisode,
  simulatorFor,
  type BranchResult,
  type BranchRisks,
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
  observationOf,
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
export {
  type Issue,
  type Result,
  excerpt,
  formatIssue,
  InputError,
  parseNumberText,
  parseWholeNumber,
} from './util/index.ts';
export { VERSION } from './version.ts';
export {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  agreementChart,
  compareTable,
  gameTable,
  parseIncidents,
  type Incident,
  renderChart,
  standaloneSvg,
  pathwaysTable,
  reportHtml,
  reproduceCommand,
  runsTable,
  shellWord,
  runTable,
  sensitivityTable,
  storedReportInput,
  studyReportHtml,
  toCsv,
  uncertaintyTable,
  toParquet,
  type Cell,
  type DataColumn,
  type DataTable,
  type ReportInput,
  type StudyReportInput,
} from './report/index.ts';
export {
  calibrate,
  recordCheck,
  DEFAULT_CALIBRATION_DRAWS,
  DEFAULT_DRAW_REPETITIONS,
  type CalibrationOptions,
  type RecordCheckRow,
} from './runner/index.ts';
export {
  CALIBRATION_METHOD,
  type CalibrationResult,
  type CalibratedParameter,
  type CalibratedStage,
  type WeightedSummary,
} from './analysis/index.ts';
export {
  loadObservedFile,
  loadObservedText,
  type ObservedData,
  type ObservedStage,
} from './scenario/index.ts';
export { poissonInterval } from './estimate/index.ts';
export {
  LlmAgent,
  PolicyElicitor,
  checkEndpoint,
  ESCALATION_SCORING,
  type EndpointCheck,
  type FailureReport,
} from './agents/index.ts';
export {
  HttpChatClient,
  RecordingChatClient,
  ReplayChatClient,
  ReplayMissError,
  CappedChatClient,
  CallLimitError,
  CALL_OUTCOMES,
  DEFAULT_API_KEY_ENV,
  type ChatClient,
} from './llm/index.ts';
export {
  policyRun,
  elicitPolicy,
  llmEpisodes,
  withLlmSide,
  llmRun,
  llmTrace,
  AGENT_CHOICES,
  agentChoiceSets,
  agentChoicesOf,
  parseAgentChoice,
  type AgentChoice,
  type ConfiguredModel,
  type LlmRunResult,
  type LlmSideReport,
  type PolicyRunResult,
  type PolicyEstimate,
  type LlmEpisodesResult,
  type LlmOverrides,
} from './runner/index.ts';
export {
  DEFAULT_GAME_PARAMETER_RUNS,
  DEFAULT_GAME_PARAMETER_SETS,
  DEFAULT_GAME_RUNS,
  DEFAULT_RESAMPLES,
  armsPerGame,
  gameParameterSets,
  playGame,
  type GameOptions,
} from './runner/index.ts';
export {
  nashEquilibria,
  pureEquilibria,
  strikeProbability,
  type AgreementResult,
  type Deviation,
  type EquilibriumResult,
  type GameParameterUncertainty,
  type GamePartial,
  type GameResult,
  type ProfileOutcome,
  type ProfileResult,
} from './analysis/index.ts';
export {
  DEFAULT_STRATEGY_SETS,
  gameDeclaration,
  type GameDeclaration,
  type GameWeights,
} from './scenario/index.ts';
