import { z } from 'zod';
import { CHOICE_NAMES, DECISION_POINTS } from '../engine/index.ts';

/** One decision as recorded: where, when and by whom it was asked, and what was answered. */
export const recordedDecisionSchema = z.strictObject({
  point: z.enum(DECISION_POINTS),
  actor: z.string().min(1).max(100),
  /** Minutes since the crisis began when the decision was asked. */
  minute: z.number().min(0),
  choice: z.enum(CHOICE_NAMES),
  minutes: z.number().min(0),
  deferredToMachine: z.boolean(),
  reason: z.string().max(2000),
});
export type RecordedDecision = z.infer<typeof recordedDecisionSchema>;

/** Every decision of one trial, in the order they were asked: what `replay` plays back. */
export const decisionRecordingSchema = z.strictObject({
  format: z.literal('petrov-decisions/1'),
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  seed: z.number().int().min(0),
  trial: z.number().int().min(0),
  decisions: z.array(recordedDecisionSchema).max(1_000_000),
});
export type DecisionRecording = z.infer<typeof decisionRecordingSchema>;
