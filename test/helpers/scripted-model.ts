/**
 * A stand-in model for tests that answers like a model would, from its prompt and seed alone:
 * a choice drawn by a hash of both from fixed odds per decision point. Deterministic, so its
 * recording replays; not a hard-coded result (the odds are sampled, as a model's are).
 */
import { createHash } from 'node:crypto';
import type { ChatRequestBody, EndpointAnswer } from './chat-endpoint.ts';

/** Odds by the legal set's first decision (alert, rise, outage). */
const ODDS: Record<string, readonly number[]> = {
  approve: [0.15, 0.75, 0.1],
  match: [0.25, 0.05, 0.55, 0.15],
  act: [0.1, 0.9],
};

export function scriptedModel(body: ChatRequestBody): EndpointAnswer {
  const legal = body.response_format.json_schema.schema.properties.choice.enum;
  const digest = createHash('sha256')
    .update(`${body.seed}|${body.messages.map((m) => m.content).join('|')}`)
    .digest();
  const u = digest.readUInt32BE(0) / 2 ** 32;
  const odds = ODDS[legal[0]];
  let i = 0;
  for (let acc = odds[0]; u >= acc && i < odds.length - 1; acc += odds[++i]);
  return {
    content: JSON.stringify({
      choice: legal[i],
      minutes: 1 + (digest[4] % 10),
      reason: `the stand-in model chose ${legal[i]}`,
    }),
  };
}
