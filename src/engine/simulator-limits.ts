import { ModelLimitError } from './model-limit-error.ts';

/** Bounds on the work of one trial, so a scenario within the schema's ranges cannot hang a run. */
export interface SimulatorLimits {
  /**
   * Events handled one by one in a trial (hostile labels, outages, decay and intent steps; benign
   * labels are counted in bulk and do not count). A trial beyond it, or a scenario whose expected
   * events per trial are beyond it, is refused. Default 1,000,000 (`--max-events`).
   */
  readonly maxEvents?: number;
  /** Events a traced trial may record. Default 200,000 (`--max-trace-events`). */
  readonly maxTraceEvents?: number;
}

export const DEFAULT_MAX_EVENTS = 1_000_000;
export const DEFAULT_MAX_TRACE_EVENTS = 200_000;

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** A trial handled more events than the cap allows. */
export function tooManyEvents(maxEvents: number, seed: number, trial: number): ModelLimitError {
  return new ModelLimitError(
    `trial ${trial} of seed ${seed} handled more than ${count(maxEvents)} events, the cap on events ` +
      'per trial: lower the rates or the horizon, or raise the cap with --max-events',
  );
}

/** A scenario expects more events per trial than the cap allows: refused before any trial. */
export function tooManyExpectedEvents(expected: number, maxEvents: number): ModelLimitError {
  return new ModelLimitError(
    `the scenario expects about ${count(expected)} events per trial, beyond the cap of ` +
      `${count(maxEvents)} events per trial: lower the rates or the horizon, or raise the cap ` +
      'with --max-events',
  );
}

/** A traced trial recorded more events than the trace cap allows. */
export function tooManyTraceEvents(maxTraceEvents: number): ModelLimitError {
  return new ModelLimitError(
    `this trial records more than ${count(maxTraceEvents)} events, the cap on events per trace: ` +
      'lower the rates or the horizon to trace it, or raise the cap with --max-trace-events',
  );
}
