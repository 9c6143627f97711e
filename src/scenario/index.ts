export * from './vocabulary.ts';
export { scenarioSchema, type ScenarioInput } from './schema.ts';
export {
  resolveScenario,
  resolveScenarioObject,
  type ResolveOptions,
  type ResolvedScenario,
  type ResolvedActor,
} from './resolve.ts';
export { loadScenarioText, type LoadedScenario, type LoadOptions } from './load.ts';
export { loadScenarioFile } from './load-file.ts';
export { newOutputFile } from './new-output-file.ts';
export { readInputFile } from './read-input-file.ts';
export { issueParts } from './issue-parts.ts';
export { MAX_SCENARIO_BYTES } from './load.ts';
export { MAX_ISSUES } from './cap-issues.ts';
export { noEffectWarnings } from './no-effect-warnings.ts';
export { STARTER_SCENARIO } from './starter-scenario.ts';
export { hashScenario, canonicalJson } from './hash.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { fieldReferenceMarkdown } from './field-reference.ts';
export { scenarioCapability, type ActorCapability } from './capability-report.ts';
export { trainingCapability } from './apply-training.ts';
export {
  BUILTIN_SAFEGUARDS,
  MINIMUM_DECISION_MINUTES,
  SAFEGUARD_CONFIDENCE_THRESHOLD,
  type Safeguard,
} from './builtin-safeguards.ts';
export {
  applySafeguards,
  availableSafeguards,
  type SafeguardedScenario,
} from './apply-safeguards.ts';
export {
  AGENT_TYPES,
  agentSchema,
  type AgentConfig,
  type AgentInput,
  type AgentType,
  type ScriptedConfig,
  type LlmConfig,
  type PolicyConfig,
  DEFAULT_PERSONA,
} from './agent-schema.ts';
export { parseChange, parsePath, setPath, type Change, type Segment } from './patch.ts';
export { withChanges } from './with-changes.ts';
export { JOINTLY_CHECKED, withNumberChanges } from './with-number-changes.ts';
export {
  DISTRIBUTION_KINDS,
  distributionSchema,
  type Distribution,
  type Uncertainty,
} from './uncertainty-schema.ts';
export { type ParameterValue } from './distribution-quantile.ts';
export {
  uncertainParameters,
  uncertaintyProblems,
  type UncertainParameter,
  type UncertaintyProblem,
} from './uncertain-parameters.ts';
export { fieldBounds, numberField, type FieldBounds } from './field-bounds.ts';
export {
  observedSchema,
  exposureTrials,
  DAYS_PER_YEAR,
  type ObservedData,
  type ObservedStage,
} from './observed-schema.ts';
export { loadObservedFile, loadObservedText, MAX_OBSERVED_BYTES } from './load-observed.ts';
export { gameSchema, gameWeightsSchema, type GameInput, type GameWeights } from './game-schema.ts';
export {
  DEFAULT_RESTRAINT,
  DEFAULT_STRATEGY_SETS,
  gameDeclaration,
  MAX_STRATEGIES,
  type GameDeclaration,
  type GameStrategy,
  type StrikeMap,
} from './game-declaration.ts';
