import type { z } from 'zod';
import { emptyOutcomeCounts, type CallOutcome, type OutcomeCounts } from './call-outcome.ts';
import type { ChatClient, ChatExchange, ChatRequest } from './chat-types.ts';

/** Retries after a failed attempt by default (so at most 3 attempts per call). */
export const DEFAULT_RETRIES = 2;

/** One attempt: its outcome and what came back, for traces. */
export interface Attempt {
  readonly outcome: CallOutcome;
  /** What was wrong, in words (empty when ok). */
  readonly detail: string;
  readonly latencyMs: number;
}

/** A structured call, retried up to a bound: the value when an attempt was ok, and every attempt. */
export interface StructuredResult<T> {
  /** The outcome of the last attempt: ok, or the failure that ended the call. */
  readonly outcome: CallOutcome;
  readonly value: T | null;
  readonly attempts: readonly Attempt[];
  /** Attempts by outcome. */
  readonly counts: OutcomeCounts;
}

/** Classifies one exchange: exactly one outcome, and the parsed value only when ok. */
export function classify<T>(
  exchange: ChatExchange,
  schema: z.ZodType<T>,
): { outcome: CallOutcome; detail: string; value: T | null } {
  if (exchange.kind === 'timeout')
    return { outcome: 'timeout', detail: exchange.message, value: null };
  if (exchange.kind === 'transport') {
    return { outcome: 'transport_error', detail: exchange.message, value: null };
  }
  const r = exchange.reply;
  if (r.refusal !== null || r.finishReason === 'content_filter') {
    return { outcome: 'refusal', detail: r.refusal ?? 'content filter', value: null };
  }
  if (r.finishReason === 'length') {
    return { outcome: 'truncated', detail: 'the reply hit max_tokens', value: null };
  }
  let json: unknown;
  try {
    // The whole text must be the JSON: no digging an object out of prose.
    json = JSON.parse(r.text ?? '');
  } catch {
    return { outcome: 'invalid_json', detail: 'the reply is not a JSON document', value: null };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length > 0 ? issue.path.join('.') : 'reply';
    return { outcome: 'schema_violation', detail: `${at}: ${issue.message}`, value: null };
  }
  return { outcome: 'ok', detail: '', value: parsed.data };
}

/**
 * Sends `request(attempt)` until an attempt is ok or `retries` retries are spent. Each attempt
 * may differ (a new seed), so a deterministic server can answer differently.
 */
export async function structuredCall<T>(
  client: ChatClient,
  request: (attempt: number) => ChatRequest,
  schema: z.ZodType<T>,
  retries = DEFAULT_RETRIES,
): Promise<StructuredResult<T>> {
  const attempts: Attempt[] = [];
  const counts = emptyOutcomeCounts();
  for (let attempt = 0; ; attempt++) {
    const exchange = await client.send(request(attempt));
    const c = classify(exchange, schema);
    counts[c.outcome]++;
    attempts.push({ outcome: c.outcome, detail: c.detail, latencyMs: exchange.latencyMs });
    if (c.outcome === 'ok' || attempt >= retries) {
      return { outcome: c.outcome, value: c.value, attempts, counts };
    }
  }
}
