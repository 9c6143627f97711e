import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import { currentOwner, ownerAlive, type Owner } from './owner.ts';
import {
  headlineOf,
  type NewRun,
  type RunDetail,
  type RunEnd,
  type RunStatus,
  type RunSummaryRow,
  type StoredOptions,
  type StoredResult,
} from './run-record.ts';

export interface StoreOptions {
  /** Milliseconds since the epoch, for created and finished times. Default `Date.now`. */
  readonly now?: () => number;
  /** The process recorded as owning new rows. Default this process on this host. */
  readonly owner?: Owner;
}

/** Rows of `runs` as SQLite returns them. */
interface Row {
  id: number;
  kind: RunSummaryRow['kind'];
  status: Exclude<RunStatus, 'interrupted'>;
  scenario_name: string;
  scenario_hash: string;
  scenario_text: string;
  options: string;
  seed: number;
  runs: number | null;
  version: string;
  owner_pid: number;
  owner_host: string;
  created_at: number;
  finished_at: number | null;
  result: string | null;
  headline_p: number | null;
  headline_low: number | null;
  headline_high: number | null;
  error: string | null;
}

const SUMMARY_COLUMNS = `id, kind, status, scenario_name, scenario_hash, seed, runs, version,
  owner_pid, owner_host, created_at, finished_at, headline_p, headline_low, headline_high`;

/** Ids are SQLite row ids, handed out as decimal strings so clients never do arithmetic on them. */
const ID = /^[1-9]\d{0,15}$/;

/** The outcome of `remove`: gone, never there, or refused because its process is still at it. */
export type RemoveOutcome = 'removed' | 'missing' | 'running';

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

  /** Opens (creating its directory and file if needed) and migrates the store at `path`. */
  static open(path: string, options: StoreOptions = {}): RunStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      // WAL lets a long run's final write and another process's reads proceed side by side.
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new RunStore(db, path, options);
  }

  /** Records a run about to start; returns its id. */
  start(run: NewRun): string {
    const info = this.db
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
      );
    return String(info.lastInsertRowid);
  }

  /** Writes how a running row ended, in one statement; false if it was not running. */
  finish(id: string, end: RunEnd): boolean {
    const done = end.status === 'failed' ? null : end.result;
    const headline = done === null ? null : headlineOf(done);
    const info = this.db
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
      );
    return info.changes === 1;
  }

  /**
   * Keeps the progress a finished run streamed (JSON values, oldest first), so a reopened run can
   * show how its estimate converged; false if the run is missing or still running.
   */
  saveProgress(id: string, progress: readonly unknown[]): boolean {
    if (!ID.test(id)) return false;
    const info = this.db
      .prepare(`UPDATE runs SET progress = ? WHERE id = ? AND status != 'running'`)
      .run(JSON.stringify(progress), Number(id));
    return info.changes === 1;
  }

  /** The progress saved for a run, oldest first; null when none was (CLI runs, older stores). */
  progress(id: string): unknown[] | null {
    if (!ID.test(id)) return null;
    const row = this.db.prepare('SELECT progress FROM runs WHERE id = ?').get(Number(id)) as
      { progress: string | null } | undefined;
    return row?.progress ? (JSON.parse(row.progress) as unknown[]) : null;
  }

  /** Newest first. */
  list(limit = 50): RunSummaryRow[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(limit) as Row[];
    return rows.map((row) => this.summary(row));
  }

  get(id: string): RunDetail | undefined {
    if (!ID.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(Number(id)) as
      Row | undefined;
    if (row === undefined) return undefined;
    return {
      ...this.summary(row),
      options: JSON.parse(row.options) as StoredOptions,
      scenarioText: row.scenario_text,
      result: row.result === null ? null : (JSON.parse(row.result) as StoredResult),
      error: row.error,
    };
  }

  /** Deletes a finished (or interrupted) run; a run still in progress is refused. */
  remove(id: string): RemoveOutcome {
    if (!ID.test(id)) return 'missing';
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`)
      .get(Number(id)) as Row | undefined;
    if (row === undefined) return 'missing';
    if (this.summary(row).status === 'running') return 'running';
    this.db.prepare('DELETE FROM runs WHERE id = ?').run(Number(id));
    return 'removed';
  }

  close(): void {
    this.db.close();
  }

  private summary(row: Row): RunSummaryRow {
    const owner = { pid: row.owner_pid, hostname: row.owner_host };
    const gone = row.status === 'running' && !ownerAlive(owner, this.owner);
    return {
      id: String(row.id),
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
