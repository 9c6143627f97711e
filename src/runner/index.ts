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
