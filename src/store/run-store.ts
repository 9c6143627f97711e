import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ExerciseStore } from './exercise-store.ts';
import { migrate } from './migrations.ts';
import { currentOwner, ownerAlive, type Owner } from './owner.ts';
import { parseColumn, summaryProblem, whatWasAsked, type Row } from './run-row.ts';
import {
  headlineOf,
  type NewRun,
  type RunDetail,
  type RunEnd,
  type RunSummaryRow,
  type StoredOptions,
  type StoredResult,
} from './run-record.ts';
import { storeError, StoreError, type StoreAction } from './store-error.ts';

export interface StoreOptions {
  /** Milliseconds since the epoch, for created and finished times. Default `Date.now`. */
  readonly now?: () => number;
  /** The process recorded as owning new rows. Default this process on this host. */
  readonly owner?: Owner;
}

const SUMMARY_COLUMNS = `id, kind, status, scenario_name, scenario_hash, seed, runs, version,
  owner_pid, owner_host, created_at, finished_at, headline_p, headline_low, headline_high, options`;

/** Ids are SQLite row ids, handed out as decimal strings so clients never do arithmetic on them. */
const ID = /^[1-9]\d{0,15}$/;

/** The outcome of `remove`: gone, never there, or refused because its process is still at it. */
export type RemoveOutcome = 'removed' | 'missing' | 'running';

/** A row left out of a listing because a column could not be read, and why. */
export interface SkippedRow {
  readonly id: string;
  readonly problem: string;
}

/** A page of the list: the rows that could be read, newest first, and those that could not. */
export interface RunListing {
  readonly runs: RunSummaryRow[];
  readonly skipped: SkippedRow[];
}

/** How long a statement waits for another process's write lock before failing (SQLITE_BUSY). */
const BUSY_MS = 10_000;

/**
 * The run registry: one row per run or comparison, inserted as `running` before any trial and
 * finished in one statement at the end, so a killed process leaves a row that reads `interrupted`.
 */
export class RunStore {
  private readonly now: () => number;
  private readonly owner: Owner;

  private constructor(
    private readonly db: Database.Database,
    /** The database file, or `:memory:`. */
    readonly path: string,
    options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.owner = options.owner ?? currentOwner();
  }

  /**
   * Opens (creating its directory and file if needed) and migrates the store at `path`. Any
   * failure (a directory, a corrupt or newer store, no permission) is a StoreError naming the file.
   */
  static open(path: string, options: StoreOptions = {}): RunStore {
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      // The busy timeout first: another process may be creating or migrating this very file.
      db = new Database(path, { timeout: BUSY_MS });
      // WAL lets a long run's final write and another process's reads proceed side by side.
      if (path !== ':memory:') enableWal(db);
      migrate(db);
    } catch (error) {
      db?.close();
      throw storeError(path, 'open', error);
    }
    return new RunStore(db, path, options);
  }

  /** Records a run about to start; returns its id. */
  start(run: NewRun): string {
    const info = this.guard('write to', () =>
      this.db
        .prepare(
          `INSERT INTO runs (kind, status, scenario_name, scenario_hash, scenario_text, options, seed,
           version, owner_pid, owner_host, created_at)
         VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          run.kind,
          run.scenarioName,
          run.scenarioHash,
          run.scenarioText,
          JSON.stringify(run.options),
          run.seed,
          run.version,
          this.owner.pid,
          this.owner.hostname,
          this.now(),
        ),
    );
    return String(info.lastInsertRowid);
  }

  /** Writes how a running row ended, in one statement; false if it was not running. */
  finish(id: string, end: RunEnd): boolean {
    const done = end.status === 'failed' ? null : end.result;
    const headline = done === null ? null : headlineOf(done);
    const info = this.guard('write to', () =>
      this.db
        .prepare(
          `UPDATE runs SET status = ?, finished_at = ?, runs = ?, result = ?, headline_p = ?,
           headline_low = ?, headline_high = ?, error = ?
         WHERE id = ? AND status = 'running'`,
        )
        .run(
          end.status,
          this.now(),
          done?.runs ?? null,
          done === null ? null : JSON.stringify(done),
          headline?.p ?? null,
          headline?.low ?? null,
          headline?.high ?? null,
          end.status === 'failed' ? end.error : null,
          Number(id),
        ),
    );
    return info.changes === 1;
  }

  /**
   * Ends a run that never started (cancelled while it waited in a server's queue): `cancelled`
   * with no result and no trials; false if it was not running.
   */
  cancelUnstarted(id: string): boolean {
    if (!ID.test(id)) return false;
    const info = this.guard('write to', () =>
      this.db
        .prepare(
          `UPDATE runs SET status = 'cancelled', finished_at = ?, runs = 0
           WHERE id = ? AND status = 'running'`,
        )
        .run(this.now(), Number(id)),
    );
    return info.changes === 1;
  }

  /**
   * Keeps the progress a finished run streamed (JSON values, oldest first), so a reopened run can
   * show how its estimate converged; false if the run is missing or still running.
   */
  saveProgress(id: string, progress: readonly unknown[]): boolean {
    if (!ID.test(id)) return false;
    const info = this.guard('write to', () =>
      this.db
        .prepare(`UPDATE runs SET progress = ? WHERE id = ? AND status != 'running'`)
        .run(JSON.stringify(progress), Number(id)),
    );
    return info.changes === 1;
  }

  /**
   * The progress saved for a run, oldest first; null when none was (CLI runs, older stores) or
   * what was saved cannot be read (the run's result still stands without it).
   */
  progress(id: string): unknown[] | null {
    if (!ID.test(id)) return null;
    const row = this.guard('read', () =>
      this.db.prepare('SELECT progress FROM runs WHERE id = ?').get(Number(id)),
    ) as { progress: unknown } | undefined;
    if (typeof row?.progress !== 'string' || row.progress === '') return null;
    const parsed = parseColumn<unknown>('progress', row.progress);
    return parsed.ok && Array.isArray(parsed.value) ? parsed.value : null;
  }

  /** Newest first: the rows that can be read. */
  list(limit = 50): RunSummaryRow[] {
    return this.listing(limit).runs;
  }

  /** Newest first, with the rows left out because a column could not be read (see `get`). */
  listing(limit = 50): RunListing {
    const rows = this.guard('read', () =>
      this.db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(limit),
    ) as Row[];
    const listing: RunListing = { runs: [], skipped: [] };
    for (const row of rows) {
      const problem = summaryProblem(row);
      if (problem === undefined) listing.runs.push(this.summary(row));
      else listing.skipped.push({ id: String(row.id), problem });
    }
    return listing;
  }

  /** One run, or undefined; a row with a column that cannot be read is a StoreError saying which. */
  get(id: string): RunDetail | undefined {
    if (!ID.test(id)) return undefined;
    const row = this.guard('read', () =>
      this.db.prepare('SELECT * FROM runs WHERE id = ?').get(Number(id)),
    ) as Row | undefined;
    if (row === undefined) return undefined;
    const malformed = (problem: string) =>
      new StoreError(
        this.path,
        'read',
        `run ${id} is malformed: ${problem} (it can still be removed)`,
      );
    const problem = summaryProblem(row);
    if (problem !== undefined) throw malformed(problem);
    const options = parseColumn<StoredOptions>('options', String(row.options));
    if (!options.ok) throw malformed(options.problem);
    if (typeof options.value !== 'object' || options.value === null) {
      throw malformed('options is not an object');
    }
    const result = row.result === null ? null : parseColumn<StoredResult>('result', row.result);
    if (result?.ok === false) throw malformed(result.problem);
    return {
      ...this.summary(row),
      options: options.value,
      scenarioText: String(row.scenario_text),
      result: result === null ? null : result.value,
      error: row.error,
    };
  }

  /**
   * Deletes a finished (or interrupted) run; a run still in progress is refused unless `force`
   * (default false): its owner knows it has ended although the row could not say so.
   */
  remove(id: string, options: { force?: boolean } = {}): RemoveOutcome {
    if (!ID.test(id)) return 'missing';
    const row = this.guard('read', () =>
      this.db
        .prepare('SELECT status, owner_pid, owner_host FROM runs WHERE id = ?')
        .get(Number(id)),
    ) as Pick<Row, 'status' | 'owner_pid' | 'owner_host'> | undefined;
    if (row === undefined) return 'missing';
    const owner = { pid: row.owner_pid, hostname: row.owner_host };
    const running = row.status === 'running' && ownerAlive(owner, this.owner);
    if (running && options.force !== true) return 'running';
    this.guard('write to', () => this.db.prepare('DELETE FROM runs WHERE id = ?').run(Number(id)));
    return 'removed';
  }

  /** The tabletop exercises kept in the same database. */
  exercises(): ExerciseStore {
    return new ExerciseStore(this.db, this.path, this.now);
  }

  close(): void {
    this.db.close();
  }

  /** Runs one statement; any failure becomes a StoreError naming this file. */
  private guard<T>(action: StoreAction, statement: () => T): T {
    try {
      return statement();
    } catch (error) {
      throw storeError(this.path, action, error);
    }
  }

  private summary(row: Row): RunSummaryRow {
    const owner = { pid: row.owner_pid, hostname: row.owner_host };
    const gone = row.status === 'running' && !ownerAlive(owner, this.owner);
    return {
      id: String(row.id),
      ...whatWasAsked(row.options),
      kind: row.kind,
      status: gone ? 'interrupted' : row.status,
      scenarioName: row.scenario_name,
      scenarioHash: row.scenario_hash,
      seed: row.seed,
      runs: row.runs,
      version: row.version,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
      headline:
        row.headline_p === null
          ? null
          : { p: row.headline_p, low: row.headline_low ?? 0, high: row.headline_high ?? 1 },
    };
  }
}

/**
 * Switches to WAL. SQLite answers SQLITE_BUSY at once, without its busy handler, while another
 * process is creating the same file, so the switch is retried for up to the busy timeout.
 */
function enableWal(db: Database.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 20) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const busy = code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
      if (!busy || waited >= BUSY_MS) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}
