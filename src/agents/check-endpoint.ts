import { DecisionPoint } from '../engine/index.ts';
import {
  decisionReplySchema,
  decisionRequest,
  structuredCall,
  type CallOutcome,
  type ChatClient,
} from '../llm/index.ts';
import { agentSchema, type LlmConfig } from '../scenario/index.ts';
import { chatSettings } from './llm-agent.ts';
import { legalNames, situationPrompt, systemPrompt } from './llm-prompt.ts';

export interface EndpointCheck {
  readonly source: string;
  readonly model: string;
  readonly outcome: CallOutcome;
  /** What was wrong (empty when ok). */
  readonly detail: string;
  readonly latencyMs: number;
  /** The decision it gave, when ok. */
  readonly reply: {
    readonly choice: string;
    readonly minutes: number;
    readonly reason: string;
  } | null;
}

/** One structured call, no retry: can this endpoint and model answer a decision question? */
export async function checkEndpoint(client: ChatClient, model: string): Promise<EndpointCheck> {
  const config = agentSchema.parse({ type: 'llm', model }) as LlmConfig;
  const point = DecisionPoint.rise;
  const legal = legalNames(point);
  const user = situationPrompt({
    point,
    domain: -1,
    confidenceBand: -1,
    windowBand: -1,
    ownRung: 1,
    perceivedRung: 2,
    linkUp: true,
  });
  const result = await structuredCall(
    client,
    (attempt) => decisionRequest(chatSettings(config), systemPrompt(config), user, legal, attempt),
    decisionReplySchema(legal),
    0,
  );
  const a = result.attempts[0];
  return {
    source: client.source,
    model,
    outcome: result.outcome,
    detail: a.detail,
    latencyMs: a.latencyMs,
    reply: result.value,
  };
}
