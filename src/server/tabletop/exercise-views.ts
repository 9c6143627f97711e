import type { TrialRecord } from '../../index.ts';
import type { ExerciseRow, ExerciseStatus } from '../../store/index.ts';
import type { Debrief } from './debrief.ts';
import type { ExerciseState, PlayedAnswer, Question } from './exercise-schema.ts';
import type { ExerciseSession } from './exercise-session.ts';

/** What a player's screen shows: their side's question and answers, nothing of the other side. */
export interface SeatView {
  /** Bumped by every change of the exercise: a gap means an update was missed. */
  readonly seq: number;
  readonly exercise: {
    readonly id: string;
    readonly label: string;
    readonly status: ExerciseStatus;
    readonly scenarioName: string;
  };
  readonly seat: { readonly actor: string; readonly player: string | null };
  readonly question: (Question & { readonly remainingSeconds: number }) | null;
  readonly answers: readonly PlayedAnswer[];
  /** Once the crisis has ended: whether it ended in nuclear use, and when. */
  readonly outcome: { readonly nuclearUse: boolean; readonly minute: number } | null;
  readonly error: string | null;
}

export function seatView(session: ExerciseSession, actor: string): SeatView {
  const { head, state } = session;
  const current = session.current();
  const seat = state.seats.find((s) => s.actor === actor);
  return {
    seq: session.seq,
    exercise: {
      id: head.id,
      label: head.label,
      status: session.status,
      scenarioName: head.scenarioName,
    },
    seat: { actor, player: seat?.player ?? null },
    question:
      current?.question.actor === actor
        ? { ...current.question, remainingSeconds: current.remainingSeconds }
        : null,
    answers: state.answers.filter((a) => a.actor === actor),
    outcome:
      state.outcome === null
        ? null
        : { nuclearUse: state.outcome.nuclearUse, minute: state.outcome.minute },
    error: state.error,
  };
}

/** The facilitator's view of an exercise: every seat, who is deciding, and at the end the debrief. */
export interface ExerciseView {
  readonly id: string;
  readonly label: string;
  readonly className: string;
  readonly owner: string;
  readonly status: ExerciseStatus;
  readonly scenarioName: string;
  readonly createdAt: string | null;
  readonly seed: number;
  readonly trial: number;
  readonly compression: number;
  readonly pointSeconds: number;
  readonly seq: number;
  readonly seats: readonly {
    readonly actor: string;
    readonly kind: 'person' | 'agent';
    readonly player: string | null;
    /** The seat token, for its join link, while this server plays the exercise; else null. */
    readonly token: string | null;
  }[];
  readonly waitingOn: {
    readonly actor: string;
    readonly point: string;
    readonly remainingSeconds: number;
  } | null;
  readonly answers: readonly PlayedAnswer[];
  readonly outcome: TrialRecord | null;
  readonly debrief: Debrief | null;
  readonly error: string | null;
}

/** The live session's view, or a stored exercise's (one this server is not playing). */
export function exerciseView(
  row: ExerciseRow,
  session: ExerciseSession | undefined,
  tokens: ReadonlyMap<string, string>,
): ExerciseView {
  const state = (session?.state ?? row.state) as ExerciseState;
  const current = session?.current() ?? null;
  // An exercise left open or in play by an earlier server process can no longer go on.
  const status =
    session?.status ?? (row.status === 'playing' || row.status === 'open' ? 'failed' : row.status);
  return {
    id: row.id,
    label: row.label,
    className: row.className,
    owner: row.owner,
    status,
    scenarioName: row.scenarioName,
    createdAt: row.createdAt,
    seed: state.seed,
    trial: state.trial,
    compression: state.compression,
    pointSeconds: state.pointSeconds,
    seq: session?.seq ?? 0,
    seats: state.seats.map((s) => ({
      actor: s.actor,
      kind: s.kind,
      player: s.player,
      token: tokens.get(s.actor) ?? null,
    })),
    waitingOn:
      current === null
        ? null
        : {
            actor: current.question.actor,
            point: current.question.point,
            remainingSeconds: current.remainingSeconds,
          },
    answers: state.answers,
    outcome: state.outcome,
    debrief: state.debrief,
    error:
      session === undefined && status !== row.status
        ? 'the server stopped while it was in play'
        : state.error,
  };
}
