import { z } from 'zod';

/** Longest stated reason kept (a reply past it is a schema violation, never cut). */
export const MAX_REASON_CHARS = 500;
/** Longest decision time a reply may state, in minutes (a day). */
export const MAX_DECISION_MINUTES = 1440;

/**
 * The Decision a model answers, written once: sent as the JSON Schema of `response_format` and
 * used to validate the reply. Out-of-range numbers are violations, never clamped.
 */
export function decisionReplySchema(legal: readonly [string, ...string[]]) {
  const key = legal.join(',');
  const known = schemas.get(key);
  if (known) return known;
  const schema = replySchema(legal);
  schemas.set(key, schema);
  return schema;
}

// Built once per legal set: a run asks thousands of times with a handful of sets.
const schemas = new Map<string, ReturnType<typeof replySchema>>();
const jsonSchemas = new Map<string, unknown>();

function replySchema(legal: readonly [string, ...string[]]) {
  return z.strictObject({
    choice: z.enum(legal).describe('One of the decisions allowed here.'),
    minutes: z
      .number()
      .min(0)
      .max(MAX_DECISION_MINUTES)
      .describe('Minutes you take to decide (alerts: later than the window is too late).'),
    reason: z.string().max(MAX_REASON_CHARS).describe('Your reason, in one or two sentences.'),
  });
}
export type DecisionReply = z.infer<ReturnType<typeof replySchema>>;

/** The JSON Schema sent to the server for a point with these legal decisions. */
export function decisionReplyJsonSchema(legal: readonly [string, ...string[]]): unknown {
  const key = legal.join(',');
  if (!jsonSchemas.has(key)) jsonSchemas.set(key, buildJsonSchema(legal));
  return jsonSchemas.get(key);
}

function buildJsonSchema(legal: readonly [string, ...string[]]): unknown {
  const schema = z.toJSONSchema(decisionReplySchema(legal), { target: 'draft-7' }) as Record<
    string,
    unknown
  >;
  // Servers differ on `$schema`; the shape is what constrains the reply.
  delete schema.$schema;
  return schema;
}
