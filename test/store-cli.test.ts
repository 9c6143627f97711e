/** The run store from the CLI: every run and compare recorded, `petrov runs`, and killed runs. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummaryRow } from '../src/store/index.ts';
import { cli } from './helpers/cli.ts';

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-store-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh store file per test, so counts are exact. */
let stores = 0;
const freshDb = () => join(dir, `store-${stores++}.db`);

async function list(db: string): Promise<RunSummaryRow[]> {
  const result = await cli('runs', 'list', '--json', '--db', db);
  expect(result.code, result.err).toBe(0);
  return (JSON.parse(result.out) as { runs: RunSummaryRow[] }).runs;
}

describe('recording', () => {
  it('stores a run with its scenario, options and result, and says where', async () => {
    const db = freshDb();
    const run = await cli('run', ANALYTIC, '--runs', '2000', '--seed', '4', '--json', '--db', db);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`stored as run 1 in ${db}\n`);
    const show = await cli('runs', 'show', '1', '--json', '--db', db);
    const stored = JSON.parse(show.out) as RunDetail;
    expect(stored).toMatchObject({ id: '1', kind: 'run', status: 'done', seed: 4, runs: 2000 });
    expect(stored.scenarioText).toContain('name: Analytic single sensor');
    expect(stored.options).toMatchObject({ runs: 2000, sets: [], safeguards: [] });
    expect(stored.result).toEqual(JSON.parse(run.out));
    expect(stored.headline?.p).toBe(JSON.parse(run.out).outcomes.nuclearUse.p);
  });

  it('stores a comparison with its baseline as the headline', async () => {
    const db = freshDb();
    const args = ['--safeguard', 'hotline', '--runs', '1000', '--json', '--db', db];
    const result = await cli('compare', ANALYTIC, ...args);
    expect(result.code).toBe(0);
    const [row] = await list(db);
    expect(row).toMatchObject({ kind: 'compare', status: 'done', runs: 1000 });
    expect(row.headline?.p).toBe(JSON.parse(result.out).baseline.nuclearUse.p);
  });

  it('records nothing with --no-store, and nothing for bad input', async () => {
    const db = freshDb();
    expect((await cli('run', ANALYTIC, '--runs', '500', '--no-store', '--db', db)).err).toBe('');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\nhorizonDays: -1\n');
    expect((await cli('run', bad, '--db', db)).code).toBe(2);
    expect((await cli('run', ANALYTIC, '--runs', '0', '--db', db)).code).toBe(2);
    expect((await cli('compare', ANALYTIC, '--db', db)).code).toBe(2);
    expect(await list(db)).toEqual([]);
  });

  it('warns, still runs and prints, and exits 2 when the store cannot be opened', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const result = await cli('run', ANALYTIC, '--runs', '500', '--db', join(blocker, 'x.db'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^petrov: not storing this run: cannot open the run store .*x\.db: a parent of it is a file, not a directory/,
    );
    expect(result.out).toContain('nuclear use (any cause)');
  });
});

describe('petrov runs', () => {
  it('lists newest first, shows a run as text, removes it', async () => {
    const db = freshDb();
    await cli('run', ANALYTIC, '--runs', '500', '--db', db);
    await cli('run', ANALYTIC, '--runs', '700', '--seed', '2', '--db', db);
    const text = await cli('runs', 'list', '--db', db);
    const lines = text.out.trim().split('\n');
    expect(lines[0]).toMatch(/^id +status +kind +created \(UTC\) +trials +seed +P\(nuclear use\)/);
    expect(lines[1]).toMatch(/^2 +done +run .* 700 +2 .*Analytic single sensor$/);
    expect(lines[2]).toMatch(/^1 +done +run .* 500 +1 /);
    expect((await list(db)).map((r) => r.id)).toEqual(['2', '1']);
    expect((await cli('runs', 'list', '--json', '--limit', '1', '--db', db)).out).toContain(
      '"id": "2"',
    );
    const show = await cli('runs', 'show', '2', '--db', db);
    expect(show.out).toMatch(/^Run 2: run, done; Petrov /);
    expect(show.out).toContain('nuclear use (any cause)');
    expect((await cli('runs', 'rm', '2', '--db', db)).out).toBe('removed run 2\n');
    expect((await list(db)).map((r) => r.id)).toEqual(['1']);
  });

  it('exits 2 with a clear message on an unknown or malformed id', async () => {
    const db = freshDb();
    for (const command of ['show', 'rm']) {
      const missing = await cli('runs', command, '42', '--db', db);
      expect(missing.code).toBe(2);
      expect(missing.err).toBe(`id: no run 42 in ${db}\n`);
      const malformed = await cli('runs', command, '../x', '--db', db);
      expect(malformed.code).toBe(2);
      expect(malformed.err).toBe(`id: no run ../x in ${db}\n`);
    }
    expect((await cli('runs', 'list', '--db', db)).out).toBe(`no runs in ${db}\n`);
  });

  it('has help with examples', async () => {
    const result = await cli('runs', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('petrov runs show 12');
  });
});

describe('a run killed midway', () => {
  it('leaves a row that reads interrupted, and can be removed', async () => {
    const db = freshDb();
    const child = spawn(
      process.execPath,
      ['bin/petrov.mjs', 'run', KOREA, '--runs', '100000000', '--workers', '1', '--db', db],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      // The row is written before the first trial: wait for it, then kill without warning.
      for (let i = 0; i < 300 && (await list(db).catch(() => [])).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await list(db))[0].status).toBe('running');
      expect((await cli('runs', 'rm', '1', '--db', db)).code).toBe(2);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const [row] = await list(db);
    expect(row).toMatchObject({ id: '1', status: 'interrupted', runs: null, headline: null });
    expect((await cli('runs', 'rm', '1', '--db', db)).code).toBe(0);
  });
});

describe('a run stopped by Ctrl-C', () => {
  it('prints and stores what it had done as cancelled, and exits 130', async () => {
    const db = freshDb();
    const child = spawn(
      process.execPath,
      ['bin/petrov.mjs', 'run', KOREA, '--runs', '100000000', '--workers', '1', '--db', db],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Interrupt once the row is written and some trials have run.
    for (let i = 0; i < 300 && (await list(db).catch(() => [])).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toContain('stopping after the trials in progress');
    expect(out).toMatch(/[\d,]+ trials of 30 days, seed 1 \(aborted\)/);
    const [row] = await list(db);
    expect(row.status).toBe('cancelled');
    expect(Number(row.runs)).toBeGreaterThan(0);
  });
});
