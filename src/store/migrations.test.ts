import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from './migrations.ts';

const version = (db: Database.Database) => db.pragma('user_version', { simple: true });
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !n.startsWith('sqlite_'));

describe('migrate', () => {
  it('brings an empty database to the latest version, and is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(version(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toContain('runs');
    migrate(db);
    expect(version(db)).toBe(MIGRATIONS.length);
  });

  it('applies only the steps after the current version, in order', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(
      `INSERT INTO runs (kind, status, scenario_name, scenario_hash, scenario_text, options, seed,
         version, owner_pid, owner_host, created_at)
       VALUES ('run', 'done', 'n', 'h', 't', '{}', 1, '0', 1, 'host', 0)`,
    ).run();
    const next: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'a note',
        sql: 'ALTER TABLE runs ADD note TEXT',
      },
      {
        version: MIGRATIONS.length + 2,
        description: 'a tag',
        sql: 'CREATE TABLE tags (run INTEGER)',
      },
    ];
    expect(migrate(db, next)).toBe(MIGRATIONS.length + 2);
    expect(tables(db)).toEqual(expect.arrayContaining(['runs', 'tags']));
    // Rows survive, and the new column is there.
    expect(db.prepare('SELECT note, scenario_name FROM runs').get()).toEqual({
      note: null,
      scenario_name: 'n',
    });
  });

  it('upgrades a version-1 store: its runs stay, with no progress saved', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO runs (kind, status, scenario_name, scenario_hash, scenario_text, options, seed,
         version, owner_pid, owner_host, created_at)
       VALUES ('run', 'done', 'n', 'h', 't', '{}', 1, '0', 1, 'host', 0)`,
    ).run();
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT scenario_name, progress FROM runs').get()).toEqual({
      scenario_name: 'n',
      progress: null,
    });
  });

  it('leaves the last complete version when a step fails', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, description: 'bad', sql: 'CREATE TABLE x (a); SELEKT' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(version(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('x');
  });

  it('refuses a database from a newer Petrov', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this Petrov knows/);
  });

  it('checks that versions count up from 1', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, description: 'gap', sql: '' }])).toThrow(/version 2/);
  });
});
