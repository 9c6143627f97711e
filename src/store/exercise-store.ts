import type Database from 'better-sqlite3';
import { parseColumn } from './run-row.ts';
import { StoreError, storeError, type StoreAction } from './store-error.ts';

/** Open: seats are being filled; playing: the crisis runs; done or failed: it has ended. */
export type ExerciseStatus = 'open' | 'playing' | 'done' | 'failed';

/** What is known of an exercise before it is played; `state` is the server's JSON document. */
export interface NewExercise {
  readonly label: string;
  /** The class it belongs to, for the class view (may be empty). */
  readonly className: string;
  /** Who created it (the facilitator's name). */
  readonly owner: string;
  readonly scenarioName: string;
  readonly state: unknown;
}

/** One stored exercise: its head columns and its state document as it was last saved. */
export interface ExerciseRow {
  readonly id: string;
  readonly label: string;
  readonly className: string;
  readonly owner: string;
  readonly status: ExerciseStatus;
  readonly scenarioName: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly state: unknown;
}

interface Row {
  id: number;
  label: string;
  class_name: string;
  owner: string;
  status: ExerciseStatus;
  scenario_name: string;
  created_at: number;
  finished_at: number | null;
  state: string;
}

const ID = /^[1-9]\d{0,15}$/;

/**
 * Tabletop exercises in the run store's database (migration 3): one row each, its state a JSON
 * document the server rewrites after every decision, so a dropped player or a restarted page
 * loses nothing already decided.
 */
export class ExerciseStore {
  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly now: () => number,
  ) {}

  create(exercise: NewExercise): string {
    const info = this.guard('write to', () =>
      this.db
        .prepare(
          `INSERT INTO exercises (label, class_name, owner, status, scenario_name, created_at, state)
           VALUES (?, ?, ?, 'open', ?, ?, ?)`,
        )
        .run(
          exercise.label,
          exercise.className,
          exercise.owner,
          exercise.scenarioName,
          this.now(),
          JSON.stringify(exercise.state),
        ),
    );
    return String(info.lastInsertRowid);
  }

  /** Rewrites an exercise's status and state; an ended one gets its finish time. */
  save(id: string, status: ExerciseStatus, state: unknown): void {
    const ended = status === 'done' || status === 'failed';
    this.guard('write to', () =>
      this.db
        .prepare(
          `UPDATE exercises SET status = ?, state = ?,
           finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?`,
        )
        .run(status, JSON.stringify(state), ended ? 1 : 0, this.now(), Number(id)),
    );
  }

  get(id: string): ExerciseRow | undefined {
    if (!ID.test(id)) return undefined;
    const row = this.guard('read', () =>
      this.db.prepare('SELECT * FROM exercises WHERE id = ?').get(Number(id)),
    ) as Row | undefined;
    return row === undefined ? undefined : this.toExercise(row);
  }

  /** Newest first; only those of `className` when given. */
  list(limit: number, className?: string): ExerciseRow[] {
    const rows = this.guard('read', () =>
      className === undefined
        ? this.db
            .prepare('SELECT * FROM exercises ORDER BY created_at DESC, id DESC LIMIT ?')
            .all(limit)
        : this.db
            .prepare(
              'SELECT * FROM exercises WHERE class_name = ? ORDER BY created_at DESC, id DESC LIMIT ?',
            )
            .all(className, limit),
    ) as Row[];
    return rows.map((row) => this.toExercise(row));
  }

  remove(id: string): boolean {
    if (!ID.test(id)) return false;
    const info = this.guard('write to', () =>
      this.db.prepare('DELETE FROM exercises WHERE id = ?').run(Number(id)),
    );
    return info.changes === 1;
  }

  private toExercise(row: Row): ExerciseRow {
    const state = parseColumn<unknown>('state', row.state);
    if (!state.ok) {
      throw new StoreError(this.path, 'read', `exercise ${row.id} is malformed: ${state.problem}`);
    }
    return {
      id: String(row.id),
      label: row.label,
      className: row.class_name,
      owner: row.owner,
      status: row.status,
      scenarioName: row.scenario_name,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
      state: state.value,
    };
  }

  private guard<T>(action: StoreAction, statement: () => T): T {
    try {
      return statement();
    } catch (error) {
      throw storeError(this.path, action, error);
    }
  }
}
