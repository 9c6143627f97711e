export {
  simulate,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_MAX_RUNS,
  type SimulateOptions,
  type RunResult,
  type Progress,
  type ExampleTrial,
} from './simulate.ts';
export { traceTrial, type TraceResult, type TraceEvent } from './trace.ts';
export {
  simulatePart,
  summarizeRun,
  runIdentity,
  type RunPart,
  type Shard,
  type RunIdentity,
} from './simulate.ts';
export {
  toPartFile,
  mergeParts,
  parsePart,
  partChecksum,
  PART_FORMAT,
  type RunPartFile,
} from './run-part-file.ts';
export { MAX_SHARDS } from './run-part-schema.ts';
export { CHUNK_SIZE } from './chunk-schedule.ts';
export { checkEventBound } from './check-event-bound.ts';
export { WorkerPool } from './worker-pool.ts';
export { simulatorFor } from './simulator-for.ts';
export { compare, type CompareOptions, type ComparisonResult } from './compare-run.ts';
export { pathways } from './pathways-run.ts';
export { METHODS, planMethod, type Method, type MethodPlan } from './method-plan.ts';
export { type ImportanceReport } from './simulate.ts';
export {
  searchTilt,
  type TiltRound,
  type TiltSearch,
  type TiltSearchOptions,
} from './tilt-search.ts';
export { describeTilt, parseTiltSpec, tiltFromSpec, type TiltSpec } from './tilt-spec.ts';
export { runEpisode, type EpisodeOptions, type EpisodeResult } from './episode.ts';
export { branchRisks, branchTrial, type BranchResult, type BranchRisks } from './episode-branch.ts';
export { trialRecord, type TrialRecord } from './trial-record.ts';
export { recordedTrace, replayedTrace } from './decision-trace.ts';
export { ratioTornado, tornado, type TornadoOptions } from './tornado-run.ts';
export {
  runArmGroups,
  type ArmGroup,
  type GroupTotals,
  type StudyRunOptions,
} from './paired-arms-run.ts';
export {
  sobol,
  BASE_POINT_RANGE,
  DEFAULT_BASE_POINTS,
  DEFAULT_REPETITIONS,
  type SobolOptions,
} from './sobol-run.ts';
export {
  uncertainty,
  DEFAULT_PARAMETER_SETS,
  DEFAULT_SET_REPETITIONS,
  type UncertaintyOptions,
} from './uncertainty-run.ts';
export {
  calibrate,
  DEFAULT_CALIBRATION_DRAWS,
  DEFAULT_DRAW_REPETITIONS,
  recordCheck,
  type CalibrationOptions,
  type RecordCheckRow,
} from './calibration-run.ts';
export { llmEpisodes, type LlmEpisodesResult } from './llm-episodes.ts';
export {
  policyRun,
  elicitPolicy,
  type PolicyRunOptions,
  type PolicyRunResult,
  type PolicyEstimate,
} from './policy-run.ts';
export { withLlmSide, type LlmOverrides } from './llm-side.ts';
export { llmRun, llmTrace, type LlmRunResult, type LlmSideReport } from './llm-run.ts';
export {
  AGENT_CHOICES,
  agentChoiceSets,
  agentChoicesOf,
  parseAgentChoice,
  type AgentChoice,
  type ConfiguredModel,
} from './agent-choice.ts';
export {
  armsPerGame,
  DEFAULT_GAME_PARAMETER_RUNS,
  DEFAULT_GAME_PARAMETER_SETS,
  DEFAULT_GAME_RUNS,
  DEFAULT_RESAMPLES,
  gameParameterSets,
  playGame,
  type GameOptions,
} from './game-run.ts';
