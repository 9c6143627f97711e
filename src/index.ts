/**
 * Petrov's public library API: the CLI (and later the server and reports) call only this.
 * Load a scenario, simulate it, trace a trial.
 */
export {
  loadScenarioText,
  loadScenarioFile,
  resolveScenarioObject,
  scenarioJsonSchema,
  fieldReferenceMarkdown,
  scenarioSchema,
  type LoadedScenario,
  type LoadOptions,
  type ResolvedScenario,
  type ScenarioInput,
} from './scenario/index.ts';
export * from './scenario/vocabulary.ts';
export {
  compileModel,
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
export { type Issue, type Result, formatIssue, InputError } from './util/index.ts';
export { VERSION } from './version.ts';
