import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_TRACE_EVENTS } from '../index.ts';

/** What one client may ask of the server; each is enforced with a clear 4xx. */
export interface Limits {
  /** Largest request body in bytes (413). Default 1 MiB. */
  readonly bodyBytes: number;
  /** Most trials per arm one request may ask for: `runs`, or `maxRuns` with a target (422). Default 2,000,000. */
  readonly trialsPerRequest: number;
  /** Runs and comparisons in progress at once; more wait in a queue. Default 2. */
  readonly concurrentRuns: number;
  /** Runs that may wait for a slot (429 beyond). Default 50. */
  readonly queuedRuns: number;
  /** Most rows `GET /api/runs` returns. Default 1,000. */
  readonly listLimit: number;
  /** Events one trial may handle; a scenario expected to need more is refused (422). Default 1,000,000. */
  readonly eventsPerTrial: number;
  /** Events one trace may record (422 beyond). Default 200,000. */
  readonly traceEvents: number;
  /** Tabletop exercises open or in play at once (429). Default 20. */
  readonly liveExercises: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1024 * 1024,
  trialsPerRequest: 2_000_000,
  concurrentRuns: 2,
  queuedRuns: 50,
  listLimit: 1000,
  eventsPerTrial: DEFAULT_MAX_EVENTS,
  traceEvents: DEFAULT_MAX_TRACE_EVENTS,
  liveExercises: 20,
};
