/** How one structured call ended: exactly one of these (docs/llm-agents.md). */
export const CALL_OUTCOMES = [
  'ok',
  'invalid_json',
  'schema_violation',
  'truncated',
  'refusal',
  'transport_error',
  'timeout',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type CallFailure = Exclude<CallOutcome, 'ok'>;

/** Counts of attempts by outcome: every attempt lands in exactly one. */
export type OutcomeCounts = Record<CallOutcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return {
    ok: 0,
    invalid_json: 0,
    schema_violation: 0,
    truncated: 0,
    refusal: 0,
    transport_error: 0,
    timeout: 0,
  };
}

export function addOutcomeCounts(into: OutcomeCounts, from: OutcomeCounts): void {
  for (const k of CALL_OUTCOMES) into[k] += from[k];
}
