import { DEFAULT_SEED, type LoadedScenario } from '../../index.ts';
import type { ExerciseRow, ExerciseStore } from '../../store/index.ts';
import { ApiError } from '../api-error.ts';
import { loadScenarioRef } from '../scenario-ref.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { TabletopClock } from './clock.ts';
import type { ExerciseBody, ExerciseState, SeatRecord } from './exercise-schema.ts';
import { ExerciseSession } from './exercise-session.ts';
import type { Principal } from './principal.ts';
import { newSeatToken, seatTokenHash } from './seat-token.ts';

export interface RegistryDeps {
  readonly exercises: ExerciseStore;
  readonly library: ScenarioLibrary;
  readonly clock: TabletopClock;
  readonly log: (text: string) => void;
  /** Exercises open or in play at once (429 beyond). */
  readonly maxLive: number;
}

/** A new exercise: its id and each seat, with the token of a person's seat (shown once here). */
export interface CreatedExercise {
  readonly id: string;
  readonly seats: readonly {
    readonly actor: string;
    readonly kind: 'person' | 'agent';
    readonly token: string | null;
  }[];
}

/**
 * The exercises this server process plays, and the seat tokens that open their seats. Tokens live
 * in memory only (the store keeps their hashes), so the facilitator can show the join links again
 * while the server runs.
 */
export class ExerciseRegistry {
  private readonly live = new Map<string, ExerciseSession>();
  private readonly seats = new Map<string, { exerciseId: string; actor: string }>();
  private readonly tokens = new Map<string, Map<string, string>>();

  constructor(private readonly deps: RegistryDeps) {}

  create(body: ExerciseBody): CreatedExercise {
    const inPlay = [...this.live.values()].filter(
      (s) => s.status === 'open' || s.status === 'playing',
    );
    if (inPlay.length >= this.deps.maxLive) {
      throw new ApiError(429, 'too many exercises in progress', [
        {
          path: '',
          message: `at most ${this.deps.maxLive} open or in play at once: end one first`,
        },
      ]);
    }
    const { loaded, text, source } = loadScenarioRef(body.scenario, this.deps.library);
    const actors = Object.keys(loaded.scenario.actors);
    body.people.forEach((actor, i) => {
      if (!actors.includes(actor)) {
        throw new ApiError(422, 'invalid request', [
          {
            path: `people.${i}`,
            message: `no actor '${actor}' in the scenario (it has ${actors.join(', ')})`,
          },
        ]);
      }
    });
    const tokens = new Map<string, string>();
    const seats: SeatRecord[] = actors.map((actor) => {
      if (!body.people.includes(actor))
        return { actor, kind: 'agent', tokenHash: null, player: null };
      const token = newSeatToken();
      tokens.set(actor, token);
      return { actor, kind: 'person', tokenHash: seatTokenHash(token), player: null };
    });
    const state: ExerciseState = {
      format: 'petrov-exercise/1',
      source,
      scenarioText: text,
      scenarioHash: loaded.hash,
      seed: body.seed ?? DEFAULT_SEED,
      trial: body.trial ?? 0,
      compression: body.compression ?? 1,
      pointSeconds: body.pointSeconds ?? 60,
      debriefBranches: body.debriefBranches ?? 200,
      seats,
      answers: [],
      recording: null,
      outcome: null,
      debrief: null,
      error: null,
    };
    const head = {
      label: body.label,
      className: body.className ?? '',
      owner: body.owner ?? 'facilitator',
      scenarioName: loaded.scenario.name,
    };
    const id = this.deps.exercises.create({ ...head, state });
    this.live.set(id, this.newSession({ id, ...head }, state, loaded));
    this.tokens.set(id, tokens);
    for (const [actor, token] of tokens)
      this.seats.set(seatTokenHash(token), { exerciseId: id, actor });
    return {
      id,
      seats: seats.map((s) => ({
        actor: s.actor,
        kind: s.kind,
        token: tokens.get(s.actor) ?? null,
      })),
    };
  }

  /** The exercise in play here (or played since this server started), if it is. */
  session(id: string): ExerciseSession | undefined {
    return this.live.get(id);
  }

  private newSession(
    head: ExerciseSession['head'],
    state: ExerciseState,
    loaded: LoadedScenario,
  ): ExerciseSession {
    const { exercises, clock, log } = this.deps;
    return new ExerciseSession(head, state, loaded, {
      clock,
      log,
      save: (status, s) => exercises.save(head.id, status, s),
    });
  }

  /** A stored exercise, or 404. */
  stored(id: string): ExerciseRow {
    const row = this.deps.exercises.get(id);
    if (row === undefined) {
      throw new ApiError(404, 'no such exercise', [{ path: 'id', message: `no exercise '${id}'` }]);
    }
    return row;
  }

  list(limit: number, className?: string): ExerciseRow[] {
    return this.deps.exercises.list(limit, className);
  }

  /** The seat a token opens, as the player who holds it. */
  seat(token: string): Principal | undefined {
    const seat = this.seats.get(seatTokenHash(token));
    if (seat === undefined) return undefined;
    const session = this.live.get(seat.exerciseId);
    const player = session?.state.seats.find((s) => s.actor === seat.actor)?.player ?? null;
    return {
      kind: 'player',
      id: `seat:${seat.exerciseId}:${seat.actor}`,
      name: player ?? seat.actor,
      exerciseId: seat.exerciseId,
      actor: seat.actor,
    };
  }

  /** The seat tokens of an exercise in play here, by actor (the facilitator's join links). */
  seatTokens(id: string): ReadonlyMap<string, string> {
    return this.tokens.get(id) ?? new Map();
  }

  /** Deletes an exercise that is not in play; its seat tokens stop working. */
  remove(id: string): void {
    const session = this.live.get(id);
    if (session?.status === 'playing') {
      throw new ApiError(409, 'exercise in play', [
        { path: 'id', message: `exercise ${id} is in play: stop it first` },
      ]);
    }
    this.stored(id);
    this.deps.exercises.remove(id);
    this.live.delete(id);
    for (const token of this.tokens.get(id)?.values() ?? [])
      this.seats.delete(seatTokenHash(token));
    this.tokens.delete(id);
  }

  /** Stops every exercise in play and waits for each to be saved. */
  async shutdown(): Promise<void> {
    const sessions = [...this.live.values()];
    for (const s of sessions) s.stop();
    await Promise.all(sessions.map((s) => s.ended()));
  }
}
