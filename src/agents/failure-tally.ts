import { estimateProportion, type ProportionEstimate } from '../estimate/index.ts';
import {
  CALL_OUTCOMES,
  addOutcomeCounts,
  emptyOutcomeCounts,
  type CallOutcome,
  type OutcomeCounts,
  type StructuredResult,
} from '../llm/index.ts';

/** A language model's calls, counted: every attempt by outcome, every call by how it ended. */
export class FailureTally {
  calls = 0;
  /** Attempts by outcome (a retried call counts each attempt). */
  readonly attempts: OutcomeCounts = emptyOutcomeCounts();
  /** Calls by their final outcome: `ok`, or the failure the stated fallback answered. */
  readonly endings: OutcomeCounts = emptyOutcomeCounts();

  add(result: StructuredResult<unknown>): void {
    this.calls++;
    addOutcomeCounts(this.attempts, result.counts);
    this.endings[result.outcome]++;
  }

  get failedCalls(): number {
    return this.calls - this.endings.ok;
  }

  report(): FailureReport {
    const attempts = CALL_OUTCOMES.reduce((n, k) => n + this.attempts[k], 0);
    return {
      calls: this.calls,
      attempts,
      retries: attempts - this.calls,
      attemptsByOutcome: { ...this.attempts },
      callsByOutcome: { ...this.endings },
      failedCalls: this.failedCalls,
      failureRate: estimateProportion(this.failedCalls, this.calls),
    };
  }
}

/** The failure figures every language-model result carries (docs/llm-agents.md). */
export interface FailureReport {
  readonly calls: number;
  readonly attempts: number;
  readonly retries: number;
  readonly attemptsByOutcome: Readonly<Record<CallOutcome, number>>;
  readonly callsByOutcome: Readonly<Record<CallOutcome, number>>;
  readonly failedCalls: number;
  /** Calls that ended in a failure (after retries), with a Wilson interval. */
  readonly failureRate: ProportionEstimate;
}
