import { z } from 'zod';
import type { DecisionRecording, ObservationSnapshot, TrialRecord } from '../../index.ts';
import { scenarioRefSchema } from '../request-schemas.ts';
import type { Debrief } from './debrief.ts';
import type { PlayedAnswer } from './played-answer.ts';

export type { PlayedAnswer } from './played-answer.ts';

/** `POST /api/exercises`: what the facilitator sets up (docs/tabletop.md). */
export const exerciseBodySchema = z.strictObject({
  scenario: scenarioRefSchema,
  /** What the class calls it, e.g. "Group A, Tuesday". */
  label: z.string().trim().min(1).max(200),
  /** The class it belongs to, for the class view. Default none. */
  className: z.string().trim().max(200).optional(),
  /** The facilitator's name. Default `facilitator`. */
  owner: z.string().trim().min(1).max(100).optional(),
  /** Actor ids played by people; every other side is played by its scenario agent. */
  people: z.array(z.string().min(1).max(100)).min(1).max(16),
  /** Model minutes per real minute: 10 plays a 6-minute window in 36 seconds. Default 1. */
  compression: z.number().gt(0).max(600).optional(),
  /** Real seconds for a decision without a window (a perceived rise, an outage). Default 60. */
  pointSeconds: z.number().gt(0).max(3600).optional(),
  /**
   * Futures the debrief runs from each player's decision, per choice compared (0: none; at most
   * 4000). Default 200: a second or so of the server's time per decision on the Korean scenario.
   */
  debriefBranches: z.int().min(0).max(4000).optional(),
  /** Default 1. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 53 - 1)
    .optional(),
  /** Which trial of the seed is the crisis. Default 0. */
  trial: z
    .int()
    .min(0)
    .max(2 ** 40)
    .optional(),
});
export type ExerciseBody = z.infer<typeof exerciseBodySchema>;

/** `POST /api/seat/join`. */
export const joinBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

/** `POST /api/seat/decide`, and the `decide` message on the play socket. */
export const decideBodySchema = z.strictObject({
  /** The question answered (its `id`), so a late click never answers the next one. */
  question: z.int().min(1),
  choice: z.string().min(1).max(20),
});

/** One side of an exercise: a person's seat (with its token's hash) or the scenario's agent. */
export interface SeatRecord {
  readonly actor: string;
  readonly kind: 'person' | 'agent';
  /** SHA-256 of the seat token (hex); null for an agent's seat. */
  readonly tokenHash: string | null;
  /** The name the player joined with; null until then. */
  player: string | null;
}

/** An exercise's stored state (the store's JSON document). */
export interface ExerciseState {
  readonly format: 'petrov-exercise/1';
  readonly source: string;
  readonly scenarioText: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly trial: number;
  readonly compression: number;
  readonly pointSeconds: number;
  readonly debriefBranches: number;
  readonly seats: SeatRecord[];
  readonly answers: PlayedAnswer[];
  recording: DecisionRecording | null;
  outcome: TrialRecord | null;
  debrief: Debrief | null;
  error: string | null;
}

/** The question a player's screen shows: what the side knows, never the ground truth. */
export interface Question {
  readonly id: number;
  readonly actor: string;
  readonly point: string;
  readonly observation: ObservationSnapshot;
  readonly legal: readonly string[];
  readonly limitSeconds: number;
  readonly windowMinutes: number | null;
  /** The observation's numbers in words, for the player's screen. */
  readonly words: QuestionWords;
}

export interface QuestionWords {
  readonly mode: string;
  readonly domain: string | null;
  readonly ownRung: string;
  readonly perceivedRung: string | null;
  readonly responseRung: string | null;
  /** What this side saw lately, oldest first. */
  readonly recent: readonly { readonly minute: number; readonly what: string }[];
}
