import { DecisionPoint, type ChoiceName, type ObservationSnapshot } from '../engine/index.ts';
import {
  decisionReplySchema,
  decisionRequest,
  structuredCall,
  type ChatClient,
  type ChatSettings,
} from '../llm/index.ts';
import type { LlmConfig } from '../scenario/index.ts';
import { fallbackChoice } from './failure-policy.ts';
import { FailureTally } from './failure-tally.ts';
import { legalNames, observationPrompt, systemPrompt } from './llm-prompt.ts';
import type { WaitingAgent, WaitingAnswer } from './waiting-agent.ts';

export function chatSettings(config: LlmConfig): ChatSettings {
  return {
    model: config.model,
    temperature: config.temperature,
    seed: config.seed,
    maxTokens: config.maxTokens,
  };
}

/**
 * A language model asked at every decision point (episode mode): the prompt holds the
 * Observation, the scenario's persona and doctrine and the legal decisions; a failed call (after
 * the bounded retries) gets the stated fallback, counted, and its reason says so.
 */
export class LlmAgent implements WaitingAgent {
  readonly name = 'llm';
  readonly tally = new FailureTally();
  /** Whether a call of the current trial failed (for the bounds on P(use)); reset per trial. */
  failedThisTrial = false;
  private readonly system: string;

  constructor(
    private readonly config: LlmConfig,
    private readonly client: ChatClient,
  ) {
    this.system = systemPrompt(config);
  }

  async decide(o: ObservationSnapshot): Promise<WaitingAnswer> {
    const legal = legalNames(o.point);
    const user = observationPrompt(o);
    const settings = chatSettings(this.config);
    const result = await structuredCall(
      this.client,
      (attempt) => decisionRequest(settings, this.system, user, legal, attempt),
      decisionReplySchema(legal),
      this.config.retries,
    );
    this.tally.add(result);
    const minutesApply = o.point === DecisionPoint.alert;
    if (result.value !== null) {
      return {
        choice: result.value.choice as ChoiceName,
        minutes: minutesApply ? result.value.minutes : 0,
        reason: result.value.reason,
      };
    }
    this.failedThisTrial = true;
    const last = result.attempts[result.attempts.length - 1];
    const outcome = result.outcome === 'ok' ? 'transport_error' : result.outcome;
    const choice = fallbackChoice(this.config.onFailure, o.point, outcome, last.detail);
    return {
      choice: choice as ChoiceName,
      reason: `call failed after ${result.attempts.length} attempt(s): ${outcome} (${last.detail}); stated fallback ${choice}`,
    };
  }
}
