import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPath } from './data-path.ts';

describe('dbPath', () => {
  const home = '/home/analyst';
  it('defaults to ~/.local/share/petrov/petrov.db', () => {
    expect(dbPath({ env: {}, home })).toBe(join(home, '.local/share/petrov/petrov.db'));
  });
  it('follows XDG_DATA_HOME, then PETROV_DATA_DIR, then PETROV_DB, then --db', () => {
    const env = { XDG_DATA_HOME: '/xdg' };
    expect(dbPath({ env, home })).toBe('/xdg/petrov/petrov.db');
    const withDir = { ...env, PETROV_DATA_DIR: '/data' };
    expect(dbPath({ env: withDir, home })).toBe('/data/petrov.db');
    const withDb = { ...withDir, PETROV_DB: '/x/runs.db' };
    expect(dbPath({ env: withDb, home })).toBe('/x/runs.db');
    expect(dbPath({ env: withDb, home, db: 'mine.db' })).toBe('mine.db');
  });
  it('treats empty variables as unset', () => {
    expect(dbPath({ env: { PETROV_DB: '', PETROV_DATA_DIR: '', XDG_DATA_HOME: '' }, home })).toBe(
      join(home, '.local/share/petrov/petrov.db'),
    );
  });
});
