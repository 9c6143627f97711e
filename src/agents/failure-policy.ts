import { AgentError, DecisionPoint, POINT_PHRASES } from '../engine/index.ts';
import type { LlmConfig } from '../scenario/index.ts';
import type { CallFailure } from '../llm/index.ts';

/** A failed call under `onFailure: abort`: the run stops, naming the failure. */
export class LlmFailureError extends AgentError {}
LlmFailureError.prototype.name = 'LlmFailureError';

/** The most and least escalatory decision at each point: failures imputed both ways. */
export const MOST_ESCALATORY = ['approve', 'escalate', 'act'] as const;
export const LEAST_ESCALATORY = ['veto', 'deescalate', 'hold'] as const;

/** The decision a failed call stands for under the stated policy, or a thrown LlmFailureError. */
export function fallbackChoice(
  onFailure: LlmConfig['onFailure'],
  point: number,
  failure: CallFailure,
  detail: string,
): string {
  if (onFailure === 'abort') {
    throw new LlmFailureError(
      `the model's call at ${POINT_PHRASES[point]} ended in ${failure} (${detail}) and onFailure is abort`,
    );
  }
  if (onFailure === 'default') return point === DecisionPoint.alert ? 'defer' : 'hold';
  return point === DecisionPoint.alert
    ? onFailure.alert
    : point === DecisionPoint.rise
      ? onFailure.rise
      : onFailure.outage;
}
