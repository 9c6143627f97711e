import type { Database } from 'better-sqlite3';

/** One step of the schema; `version` numbers run 1, 2, 3... and never change once released. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The schema's history, oldest first. Add a step at the end to change it; never edit a released
 * one, since stores in the field are already at its version.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs: one row per run or comparison, aggregates only',
    sql: `
      CREATE TABLE runs (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        kind          TEXT    NOT NULL CHECK (kind IN ('run', 'compare')),
        status        TEXT    NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
        scenario_name TEXT    NOT NULL,
        scenario_hash TEXT    NOT NULL,
        scenario_text TEXT    NOT NULL,
        options       TEXT    NOT NULL,
        seed          INTEGER NOT NULL,
        runs          INTEGER,
        version       TEXT    NOT NULL,
        owner_pid     INTEGER NOT NULL,
        owner_host    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        finished_at   INTEGER,
        result        TEXT,
        headline_p    REAL,
        headline_low  REAL,
        headline_high REAL,
        error         TEXT
      );
      CREATE INDEX runs_by_created ON runs (created_at DESC, id DESC);
    `,
  },
  {
    version: 2,
    description: 'runs.progress: the progress a server streamed, replayed when a run is reopened',
    sql: `ALTER TABLE runs ADD COLUMN progress TEXT;`,
  },
  {
    version: 3,
    description:
      'exercises: one row per tabletop exercise, its seats, decisions and debrief (JSON)',
    sql: `
      CREATE TABLE exercises (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        label         TEXT    NOT NULL,
        class_name    TEXT    NOT NULL,
        owner         TEXT    NOT NULL,
        status        TEXT    NOT NULL CHECK (status IN ('open', 'playing', 'done', 'failed')),
        scenario_name TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        finished_at   INTEGER,
        state         TEXT    NOT NULL
      );
      CREATE INDEX exercises_by_class ON exercises (class_name, created_at DESC);
    `,
  },
];

/**
 * Brings a database to the newest version in `migrations`, each step in its own transaction with
 * the version bump (`PRAGMA user_version`), so a crash mid-way leaves the last complete version.
 * Safe when several processes open a fresh store at once: each step takes the write lock first
 * (BEGIN IMMEDIATE, waiting up to the connection's busy timeout) and re-reads the version under
 * it, so a step another process has just applied is never applied twice. Refuses a database
 * written by a newer Petrov rather than guess at its schema.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i} has version ${m.version}`);
  });
  const latest = migrations.length;
  const current = () => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new Error(
        `its schema version ${version} is newer than this Petrov knows (${latest}): upgrade Petrov or use another --db`,
      );
    }
    return version;
  };
  // Reading the version takes no write lock, so a store already up to date never waits.
  while (current() < latest) {
    db.transaction(() => {
      const version = current();
      const step = migrations[version];
      if (step === undefined) return;
      db.exec(step.sql);
      // PRAGMA takes no bound parameters; the version is a trusted integer from the list above.
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return latest;
}
