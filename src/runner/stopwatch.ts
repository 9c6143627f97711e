/**
 * Seconds since this call, by `clock` (milliseconds; default `performance.now`): a study's
 * `seconds` field, for timing only (tests inject a clock, so no result depends on the real one).
 */
export function stopwatch(clock: () => number = () => performance.now()): () => number {
  const started = clock();
  return () => (clock() - started) / 1000;
}
