import type { Rng } from '../random/index.ts';
import {
  decisionReplySchema,
  decisionRequest,
  structuredCall,
  type ChatClient,
} from '../llm/index.ts';
import type { LlmConfig } from '../scenario/index.ts';
import { fallbackChoice, LEAST_ESCALATORY, MOST_ESCALATORY } from './failure-policy.ts';
import { FailureTally } from './failure-tally.ts';
import { chatSettings } from './llm-agent.ts';
import { legalNames, situationPrompt, systemPrompt } from './llm-prompt.ts';
import { situationKey, type Situation } from './situation.ts';

/** One situation as elicited: each replicate's choice (index in legal order; -1 a failed call). */
export interface ElicitedSituation {
  readonly key: string;
  readonly situation: Situation;
  readonly replicates: readonly number[];
  /** The stated fallback's index, for failed replicates. */
  readonly fallback: number;
  /** The first ok replicate's stated reason (for traces), or '' when every call failed. */
  readonly reason: string;
}

/** How failed replicates count in a table: as the stated fallback, or imputed one way. */
export type Imputation = 'stated' | 'escalation' | 'restraint';

/**
 * Policy mode's questioner: asks the model about a situation band `replicates` times (seeds
 * base + replicate), keeps each answer, and turns them into the probabilities a `policy` agent
 * samples. Calls that fail after their retries are counted and stand for the stated fallback.
 */
export class PolicyElicitor {
  readonly tally = new FailureTally();
  readonly situations = new Map<string, ElicitedSituation>();
  private readonly system: string;

  constructor(
    private readonly config: LlmConfig,
    private readonly client: ChatClient,
  ) {
    this.system = systemPrompt(config);
  }

  /** Where the answers come from (an endpoint, or a recording). */
  get source(): string {
    return this.client.source;
  }

  get model(): string {
    return this.config.model;
  }

  async elicit(situation: Situation): Promise<ElicitedSituation> {
    const key = situationKey(situation);
    const known = this.situations.get(key);
    if (known !== undefined) return known;
    const legal = legalNames(situation.point);
    const schema = decisionReplySchema(legal);
    const settings = chatSettings(this.config);
    const user = situationPrompt(situation);
    const tries = this.config.retries + 1;
    const replicates: number[] = [];
    let reason = '';
    let fallback = -1;
    for (let r = 0; r < this.config.replicates; r++) {
      const result = await structuredCall(
        this.client,
        (attempt) => decisionRequest(settings, this.system, user, legal, r * tries + attempt),
        schema,
        this.config.retries,
      );
      this.tally.add(result);
      if (result.value !== null) {
        replicates.push(legal.indexOf(result.value.choice));
        if (reason === '') reason = result.value.reason;
        continue;
      }
      const last = result.attempts[result.attempts.length - 1];
      const outcome = result.outcome === 'ok' ? 'transport_error' : result.outcome;
      fallback = legal.indexOf(
        fallbackChoice(this.config.onFailure, situation.point, outcome, last.detail),
      );
      replicates.push(-1);
    }
    if (fallback < 0) {
      fallback = legal.indexOf(
        fallbackChoice(this.config.onFailure, situation.point, 'refusal', ''),
      );
    }
    const elicited = { key, situation, replicates, fallback, reason };
    this.situations.set(key, elicited);
    return elicited;
  }

  /** Whether any replicate failed (then imputation bounds differ from the estimate). */
  get anyFailed(): boolean {
    for (const s of this.situations.values()) if (s.replicates.includes(-1)) return true;
    return false;
  }

  /**
   * The table a `policy` agent samples: each situation's share of each legal decision among its
   * replicates (resampled with replacement when `rng` is given: one bootstrap draw).
   */
  table(imputation: Imputation = 'stated', rng?: Rng): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const s of this.situations.values()) out[s.key] = shares(s, imputation, rng);
    return out;
  }
}

function shares(s: ElicitedSituation, imputation: Imputation, rng?: Rng): number[] {
  const legal = legalNames(s.situation.point);
  const failedAs =
    imputation === 'stated'
      ? s.fallback
      : legal.indexOf(
          (imputation === 'escalation' ? MOST_ESCALATORY : LEAST_ESCALATORY)[s.situation.point],
        );
  const counts = new Array<number>(legal.length).fill(0);
  const n = s.replicates.length;
  for (let i = 0; i < n; i++) {
    const pick = rng === undefined ? i : Math.floor(rng.next() * n);
    const c = s.replicates[pick];
    counts[c < 0 ? failedAs : c]++;
  }
  return counts.map((c) => c / n);
}
