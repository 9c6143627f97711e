import {
  CHOICE_NAMES,
  DECISION_POINTS,
  LEGAL_CHOICES,
  runEpisode,
  type LoadedScenario,
  type ObservationSnapshot,
  type WaitingAgent,
  type WaitingAnswer,
} from '../../index.ts';
import type { ExerciseStatus } from '../../store/index.ts';
import { ApiError } from '../api-error.ts';
import type { TabletopClock } from './clock.ts';
import { debriefOf } from './debrief.ts';
import type { ExerciseState, PlayedAnswer, Question } from './exercise-schema.ts';
import { lateDefault } from './late-default.ts';
import { questionWords } from './question-words.ts';

export interface SessionDeps {
  readonly clock: TabletopClock;
  /** Writes the exercise's status and state (after every change that matters). */
  readonly save: (status: ExerciseStatus, state: ExerciseState) => void;
  readonly log: (text: string) => void;
}

/** What identifies an exercise besides its state. */
export interface ExerciseHead {
  readonly id: string;
  readonly label: string;
  readonly className: string;
  readonly owner: string;
  readonly scenarioName: string;
}

interface Pending {
  readonly question: Question;
  readonly askedAt: number;
  readonly answer: (answer: WaitingAnswer, late: boolean) => void;
  readonly cancelTimer: () => void;
}

/** The facilitator stopped the exercise while a question was open. */
class Stopped extends Error {}

/**
 * One exercise in play: the episode driver runs its crisis, and at each decision of a side a
 * person holds the question waits for that player (or for its window to close, when the doctrine
 * default decides and the answer is marked late). Every change bumps `seq` and tells the
 * listeners, so each screen can show the new state and notice a gap.
 */
export class ExerciseSession {
  status: ExerciseStatus = 'open';
  seq = 0;
  readonly people: ReadonlySet<string>;
  private pending: Pending | null = null;
  private readonly listeners = new Set<() => void>();
  private playing: Promise<void> | null = null;
  private stopRequested = false;

  constructor(
    readonly head: ExerciseHead,
    readonly state: ExerciseState,
    private readonly loaded: LoadedScenario,
    private readonly deps: SessionDeps,
  ) {
    this.people = new Set(state.seats.filter((s) => s.kind === 'person').map((s) => s.actor));
  }

  /** A player takes their seat under a name (again after a reload: the name may change). */
  join(actor: string, name: string): void {
    const seat = this.state.seats.find((s) => s.actor === actor);
    if (seat === undefined) throw new Error(`no seat ${actor}`);
    seat.player = name;
    this.changed(true);
  }

  /** Starts the crisis; 409 unless the exercise is open. */
  start(): void {
    if (this.status !== 'open') {
      throw new ApiError(409, 'exercise not open', [
        { path: 'id', message: `exercise ${this.head.id} is ${this.status}` },
      ]);
    }
    this.status = 'playing';
    this.changed(true);
    this.playing = this.play();
  }

  /** Stops a crisis in play (the facilitator's call): it ends as failed, saying so. */
  stop(): void {
    if (this.status === 'open') this.finish('failed', 'stopped by the facilitator before it began');
    if (this.status !== 'playing') return;
    this.stopRequested = true;
    // The open question's answer sees the request and ends the episode.
    this.pending?.answer({ choice: 'hold' }, false);
  }

  /** The open question, if any, with the real seconds left to answer it. */
  current(): { question: Question; remainingSeconds: number } | null {
    const p = this.pending;
    if (p === null) return null;
    const elapsed = (this.deps.clock.now() - p.askedAt) / 1000;
    return {
      question: p.question,
      remainingSeconds: Math.max(0, p.question.limitSeconds - elapsed),
    };
  }

  /** A player answers question `id` of their seat; 409 if it is not open, 422 if not legal. */
  decide(actor: string, id: number, choice: string): void {
    const p = this.pending;
    if (p === null || p.question.actor !== actor || p.question.id !== id) {
      throw new ApiError(409, 'no such question open', [
        {
          path: 'question',
          message:
            p?.question.actor === actor
              ? `question ${id} is not open (question ${p.question.id} is)`
              : `question ${id} is not open for ${actor}`,
        },
      ]);
    }
    if (!p.question.legal.includes(choice)) {
      throw new ApiError(422, 'not a legal choice', [
        { path: 'choice', message: `'${choice}': choose one of ${p.question.legal.join(', ')}` },
      ]);
    }
    const seconds = (this.deps.clock.now() - p.askedAt) / 1000;
    // Model minutes elapsed: real seconds × compression / 60, never past the window in time.
    const window = p.question.windowMinutes;
    const minutes = window === null ? 0 : Math.min(window, (seconds * this.state.compression) / 60);
    p.answer(
      { choice: choice as WaitingAnswer['choice'], minutes, reason: 'the player decided' },
      false,
    );
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the crisis has ended (tests, shutdown). */
  async ended(): Promise<void> {
    await this.playing;
  }

  private agentFor(actor: string): WaitingAgent {
    return { name: 'person', decide: (o) => this.ask(actor, o) };
  }

  private ask(actor: string, o: ObservationSnapshot): Promise<WaitingAnswer> {
    if (this.stopRequested) return Promise.reject(new Stopped('stopped by the facilitator'));
    const alert = DECISION_POINTS[o.point] === 'alert';
    const windowMinutes = alert ? o.windowMinutes : null;
    const limitSeconds =
      windowMinutes === null
        ? this.state.pointSeconds
        : (windowMinutes * 60) / this.state.compression;
    const question: Question = {
      id: this.state.answers.length + 1,
      actor,
      point: DECISION_POINTS[o.point],
      observation: o,
      legal: LEGAL_CHOICES[o.point].map((c) => CHOICE_NAMES[c]),
      limitSeconds,
      windowMinutes,
      words: questionWords(o),
    };
    const askedAt = this.deps.clock.now();
    return new Promise<WaitingAnswer>((resolve, reject) => {
      const answer = (given: WaitingAnswer, late: boolean) => {
        if (this.pending?.question !== question) return;
        this.pending.cancelTimer();
        this.pending = null;
        if (this.stopRequested) {
          reject(new Stopped('stopped by the facilitator'));
          return;
        }
        const seat = this.state.seats.find((s) => s.actor === actor);
        const played: PlayedAnswer = {
          question: question.id,
          actor,
          player: seat?.player ?? null,
          point: question.point,
          minute: o.minute,
          choice: given.choice,
          minutes: given.minutes ?? 0,
          seconds: late ? limitSeconds : (this.deps.clock.now() - askedAt) / 1000,
          limitSeconds,
          windowMinutes,
          late,
        };
        this.state.answers.push(played);
        this.changed(true);
        resolve(given);
      };
      const cancelTimer = this.deps.clock.after(limitSeconds * 1000, () =>
        answer(lateDefault(this.loaded, o), true),
      );
      this.pending = { question, askedAt, answer, cancelTimer };
      this.changed(false);
    });
  }

  private async play(): Promise<void> {
    const waiting = Object.fromEntries([...this.people].map((a) => [a, this.agentFor(a)]));
    try {
      const { seed, trial } = this.state;
      const result = await runEpisode(this.loaded, seed, trial, waiting);
      this.state.recording = result.recording;
      this.state.outcome = result.outcome;
      this.state.debrief = await debriefOf(
        this.loaded,
        result.recording,
        result.outcome,
        this.state.answers,
        this.people,
        this.state.debriefBranches,
      );
      this.finish('done', null);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (!(error instanceof Stopped)) {
        this.deps.log(`petrov serve: exercise ${this.head.id} failed: ${why}\n`);
      }
      this.finish('failed', why);
    }
  }

  private finish(status: 'done' | 'failed', error: string | null): void {
    this.status = status;
    this.state.error = error;
    this.changed(true);
  }

  private changed(persist: boolean): void {
    if (persist) {
      try {
        this.deps.save(this.status, this.state);
      } catch (error) {
        // The play goes on; the failure is logged, and the next save tries again.
        this.deps.log(`petrov serve: exercise ${this.head.id}: could not save: ${String(error)}\n`);
      }
    }
    this.seq++;
    for (const listener of this.listeners) listener();
  }
}
