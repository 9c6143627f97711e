/**
 * A run store that cannot be used costs nothing but its record: one line naming the file and
 * exit 2 (never a stack), results still printed, a failed final write never leaves a run
 * `running`, a malformed row never hides the others, and concurrent first use loses no run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, RunStore, type RunDetail, type RunSummaryRow } from '../src/store/index.ts';
import { json, parseEvents, testServer, type ErrorBody } from './helpers/api.ts';
import { cli, type CliResult } from './helpers/cli.ts';

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-store-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = (name = 'store') => join(dir, `${name}-${files++}.db`);

/** A store with one finished run, written by this Petrov. */
async function storeWithRun(path = fresh()): Promise<string> {
  expect((await cli('run', ANALYTIC, '--runs', '100', '--db', path)).code).toBe(0);
  return path;
}

/** Runs SQL on a store file behind Petrov's back (triggers, broken rows). */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

/** Exactly one line on stderr, the store's message, and no stack frame. */
function oneLine(result: CliResult, start: string): void {
  expect(
    result.err.split('\n').filter((l) => l !== ''),
    result.err,
  ).toHaveLength(1);
  expect(result.err.startsWith(start), result.err).toBe(true);
  expect(result.err).not.toMatch(/\n\s+at /);
}

const badStores: Record<string, () => Promise<string>> = {
  corrupt: async () => {
    const path = fresh('corrupt');
    writeFileSync(path, 'this is not an SQLite database\n'.repeat(64));
    return path;
  },
  'future-schema': async () => {
    const path = await storeWithRun();
    tamper(path, `PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    return path;
  },
  directory: async () => {
    const path = fresh('directory');
    mkdirSync(path);
    return path;
  },
};

const reasons: Record<string, string> = {
  corrupt: 'not a Petrov run store (not an SQLite database, or corrupt) (SQLITE_NOTADB',
  'future-schema': `its schema version ${MIGRATIONS.length + 1} is newer than this Petrov knows (${MIGRATIONS.length}): upgrade Petrov or use another --db`,
  directory: 'it is a directory, not a file',
};

describe.each(Object.keys(badStores))('a %s store', (kind) => {
  it('makes runs list, show and rm say so in one line naming the file, exit 2', async () => {
    const path = await badStores[kind]();
    for (const command of [['list'], ['list', '--json'], ['show', '1'], ['rm', '1']]) {
      const result = await cli('runs', ...command, '--db', path);
      expect(result.code, command.join(' ')).toBe(2);
      oneLine(result, `petrov: cannot open the run store ${path}: ${reasons[kind]}`);
      expect(result.out).toBe('');
    }
  });

  it('lets run and compare print their result, report the store, exit 2', async () => {
    const path = await badStores[kind]();
    const run = await cli('run', ANALYTIC, '--runs', '200', '--json', '--db', path);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out)).toMatchObject({ runs: 200 });
    oneLine(
      run,
      `petrov: not storing this run: cannot open the run store ${path}: ${reasons[kind]}`,
    );
    const args = ['--safeguard', 'hotline', '--runs', '200', '--db', path];
    const compare = await cli('compare', ANALYTIC, ...args);
    expect(compare.code).toBe(2);
    expect(compare.out).toContain('hotline');
    oneLine(compare, `petrov: not storing this run: cannot open the run store ${path}`);
  });

  it('stops serve before it listens, in one line, exit 2', async () => {
    const path = await badStores[kind]();
    const result = await cli('serve', '--port', '0', '--db', path);
    expect(result.code).toBe(2);
    oneLine(result, `petrov: cannot open the run store ${path}: ${reasons[kind]}`);
  });
});

/** The CLI in a child process, as a user without write permission when the tests run as root. */
function child(args: string[], asNobody: boolean): Promise<CliResult> {
  return childScript(['bin/petrov.mjs', ...args], asNobody);
}

function childScript(args: string[], asNobody = false): Promise<CliResult> {
  const proc = spawn(process.execPath, args, {
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    env: { ...process.env, HOME: dir },
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) =>
    proc.on('close', (code) => resolve({ code: code ?? -1, out, err })),
  );
}

describe('a read-only store', () => {
  it('is one line naming the file for runs list, run (the result still printed) and serve, exit 2', async () => {
    const roDir = join(dir, 'read-only');
    mkdirSync(roDir);
    const path = await storeWithRun(join(roDir, 'petrov.db'));
    chmodSync(path, 0o444);
    chmodSync(roDir, 0o555);
    // Root may write anywhere: read-only is tried as the user nobody then.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) chmodSync(dir, 0o755);
    try {
      const list = await child(['runs', 'list', '--db', path], asNobody);
      expect(list.code, list.err).toBe(2);
      oneLine(
        list,
        `petrov: cannot open the run store ${path}: it (or its directory) is read-only`,
      );
      const run = await child(['run', ANALYTIC, '--runs', '100', '--json', '--db', path], asNobody);
      expect(run.code, run.err).toBe(2);
      expect(JSON.parse(run.out)).toMatchObject({ runs: 100 });
      oneLine(
        run,
        `petrov: not storing this run: cannot open the run store ${path}: it (or its directory) is read-only`,
      );
      // A directory the user may not enter: the file cannot even be looked at.
      const locked = join(dir, 'locked');
      mkdirSync(locked, { mode: 0o700 });
      if (!asNobody) chmodSync(locked, 0o000);
      const denied = join(locked, 'petrov.db');
      const noAccess = await child(['runs', 'list', '--db', denied], asNobody);
      expect(noAccess.code, noAccess.err).toBe(2);
      oneLine(noAccess, `petrov: cannot open the run store ${denied}: `);
      chmodSync(locked, 0o700);
      const serve = await child(['serve', '--port', '0', '--db', path], asNobody);
      expect(serve.code, serve.err).toBe(2);
      oneLine(
        serve,
        `petrov: cannot open the run store ${path}: it (or its directory) is read-only`,
      );
    } finally {
      chmodSync(roDir, 0o755);
      chmodSync(dir, 0o700);
    }
  });
});

/** Makes the store refuse the final write of a run, as a full disk would. */
const REFUSE_RESULTS = `CREATE TRIGGER full BEFORE UPDATE OF status ON runs WHEN NEW.result IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`;
/** ... and every other end too, so not even `failed` can be written. */
const REFUSE_ENDS = `CREATE TRIGGER full BEFORE UPDATE OF status ON runs
  BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`;

describe('a final write that fails', () => {
  it('in the CLI: prints the result, says it is not stored, exits 2, marks the run failed', async () => {
    const path = fresh();
    RunStore.open(path).close();
    tamper(path, REFUSE_RESULTS);
    const run = await cli('run', ANALYTIC, '--runs', '300', '--json', '--db', path);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out)).toMatchObject({ runs: 300 });
    oneLine(
      run,
      `petrov: the result above is not stored: cannot write to the run store ${path}: SQLITE_CONSTRAINT_TRIGGER: database or disk is full`,
    );
    const show = await cli('runs', 'show', '1', '--json', '--db', path);
    const stored = JSON.parse(show.out) as RunDetail;
    expect(stored.status).toBe('failed');
    expect(stored.error).toMatch(/^its result could not be stored: cannot write to the run store/);
  });

  it('on the server: the run ends failed (in the store if it takes that), and can be deleted', async () => {
    for (const [refuse, where] of [
      [REFUSE_RESULTS, 'store'],
      [REFUSE_ENDS, 'memory'],
    ] as const) {
      const path = fresh();
      const store = RunStore.open(path);
      tamper(path, refuse);
      const server = testServer({ store });
      const started = await server.post('/api/runs', {
        kind: 'run',
        scenario: { name: 'analytic-single-sensor' },
        runs: 300,
      });
      const { id } = await json<{ id: string }>(started);
      await server.runs.idle();
      const run = await json<RunDetail>(await server.get(`/api/runs/${id}`));
      expect(run.status, where).toBe('failed');
      expect(run.error).toMatch(
        /^its result could not be stored: cannot write to the run store .*database or disk is full/,
      );
      expect(store.get(id)?.status).toBe(where === 'store' ? 'failed' : 'running');
      const { runs } = await json<{ runs: RunSummaryRow[] }>(await server.get('/api/runs'));
      expect(runs[0]).toMatchObject({ id, status: 'failed' });
      const events = parseEvents(await (await server.get(`/api/runs/${id}/events`)).text());
      expect(events[events.length - 1]).toEqual({ event: 'end', data: { status: 'failed' } });
      expect((await server.post(`/api/runs/${id}/cancel`, {})).status).toBe(409);
      expect((await server.del(`/api/runs/${id}`)).status).toBe(204);
      expect((await server.get(`/api/runs/${id}`)).status).toBe(404);
      expect(server.logged.join('')).toContain(`run ${id}: its result could not be stored`);
      store.close();
    }
  });

  it('on the server, at the start: 500 naming the file, and nothing left in progress', async () => {
    const path = fresh();
    const store = RunStore.open(path);
    tamper(
      path,
      `CREATE TRIGGER full BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`,
    );
    const server = testServer({ store, limits: { concurrentRuns: 1 } });
    const body = { kind: 'run', scenario: { name: 'analytic-single-sensor' }, runs: 100 };
    for (let i = 0; i < 2; i++) {
      const response = await server.post('/api/runs', body);
      expect(response.status).toBe(500);
      expect((await json<ErrorBody>(response)).error).toBe(
        `cannot write to the run store ${path}: SQLITE_CONSTRAINT_TRIGGER: database or disk is full`,
      );
    }
    store.close();
  });
});

describe('a malformed row', () => {
  async function storeWithBadRows(): Promise<string> {
    const path = await storeWithRun();
    await storeWithRun(path);
    await storeWithRun(path);
    tamper(
      path,
      `UPDATE runs SET created_at = 'yesterday' WHERE id = 2;
       UPDATE runs SET result = '{not json' WHERE id = 3;`,
    );
    return path;
  }

  it('is skipped and counted by runs list (the others listed), refused by show, removable', async () => {
    const path = await storeWithBadRows();
    const list = await cli('runs', 'list', '--json', '--db', path);
    expect(list.code).toBe(0);
    const listing = JSON.parse(list.out) as { runs: RunSummaryRow[]; skipped: unknown[] };
    expect(listing.runs.map((r) => r.id)).toEqual(['3', '1']);
    expect(listing.skipped).toEqual([
      { id: '2', problem: "created_at is not a time in milliseconds ('yesterday')" },
    ]);
    const text = await cli('runs', 'list', '--db', path);
    expect(text.out.trim().split('\n')).toHaveLength(3);
    oneLine(text, `petrov: skipped run 2 in ${path}: created_at is not a time in milliseconds`);
    for (const [id, problem] of [
      ['2', "created_at is not a time in milliseconds ('yesterday')"],
      ['3', "result is not JSON ('{not json')"],
    ]) {
      const show = await cli('runs', 'show', id, '--db', path);
      expect(show.code).toBe(2);
      oneLine(
        show,
        `petrov: cannot read the run store ${path}: run ${id} is malformed: ${problem} (it can still be removed)`,
      );
      expect((await cli('runs', 'rm', id, '--db', path)).code).toBe(0);
    }
    expect((await cli('runs', 'list', '--db', path)).err).toBe('');
  });

  it('is skipped and counted by GET /api/runs, a 500 naming it by GET /api/runs/:id, deletable', async () => {
    const store = RunStore.open(await storeWithBadRows());
    const server = testServer({ store });
    const listed = await server.get('/api/runs');
    expect(listed.status).toBe(200);
    const listing = await json<{ runs: RunSummaryRow[]; skipped: { id: string }[] }>(listed);
    expect(listing.runs.map((r) => r.id)).toEqual(['3', '1']);
    expect(listing.skipped.map((r) => r.id)).toEqual(['2']);
    const bad = await server.get('/api/runs/2');
    expect(bad.status).toBe(500);
    expect((await json<ErrorBody>(bad)).error).toContain('run 2 is malformed: created_at');
    expect((await server.get('/api/runs/3')).status).toBe(500);
    expect((await server.del('/api/runs/2')).status).toBe(204);
    expect((await json<{ skipped: unknown[] }>(await server.get('/api/runs'))).skipped).toEqual([]);
    store.close();
  });
});

describe('many processes creating a fresh store at once', () => {
  it('record every run (10 processes opening it in the same instant, 3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const path = fresh('same-instant');
      const at = String(Date.now() + 3000);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          childScript(['bin/run-ts.mjs', 'test/helpers/record-at.ts', path, at]),
        ),
      );
      for (const result of results) expect(result.code, result.err).toBe(0);
      const ids = results.map((r) => Number(r.out.trim())).sort((a, b) => a - b);
      expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const store = RunStore.open(path);
      expect(store.list(100)).toHaveLength(10);
      store.close();
    }
  });

  it('record every run (10 `petrov run` at once)', async () => {
    const path = fresh('concurrent');
    const n = 10;
    const results = await Promise.all(
      Array.from({ length: n }, () =>
        child(['run', ANALYTIC, '--runs', '100', '--db', path], false),
      ),
    );
    for (const result of results) {
      expect(result.code, result.err).toBe(0);
      expect(result.err).toMatch(/^stored as run \d+ in /);
    }
    const list = await cli('runs', 'list', '--json', '--db', path);
    const ids = (JSON.parse(list.out) as { runs: RunSummaryRow[] }).runs.map((r) => Number(r.id));
    expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });
});
