import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../runner/index.ts';
import { loadScenarioFile } from '../scenario/index.ts';
import { recordRun } from './record-run.ts';
import type { NewRun } from './run-record.ts';
import { RunStore } from './run-store.ts';

const ANALYTIC = fileURLToPath(
  new URL('../../scenarios/analytic-single-sensor.yaml', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'petrov-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = (() => {
  const result = loadScenarioFile(ANALYTIC);
  if (!result.ok) throw new Error('bundled scenario invalid');
  return result.value;
})();

const newRun: NewRun = {
  kind: 'run',
  scenarioName: loaded.scenario.name,
  scenarioHash: loaded.hash,
  scenarioText: loaded.text,
  options: {
    source: ANALYTIC,
    sets: [],
    safeguards: [],
    runs: 2_000,
    targetRelError: null,
    maxRuns: null,
  },
  seed: 3,
  version: 'test',
};

/** A clock that moves one second per reading, so rows have distinct, ordered times. */
function steppingClock(start = Date.UTC(2026, 0, 1)): () => number {
  let t = start;
  return () => (t += 1000);
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999_999;
}

describe('RunStore', () => {
  it('records a run as running, then done with its result and headline', async () => {
    const store = RunStore.open(join(dir, 'a', 'nested', 'petrov.db'), { now: steppingClock() });
    const { id, result } = await recordRun(store, newRun, async (rowId) => {
      expect(store.get(rowId)?.status).toBe('running');
      expect(store.get(rowId)?.headline).toBeNull();
      return simulate(loaded, { runs: 2_000, seed: 3 });
    });
    const row = store.get(id);
    expect(row).toMatchObject({
      id,
      kind: 'run',
      status: 'done',
      scenarioName: 'Analytic single sensor',
      scenarioHash: loaded.hash,
      seed: 3,
      runs: 2_000,
      version: 'test',
      createdAt: '2026-01-01T00:00:01.000Z',
      finishedAt: '2026-01-01T00:00:02.000Z',
      error: null,
      scenarioText: loaded.text,
      options: newRun.options,
    });
    expect(row?.result).toEqual(JSON.parse(JSON.stringify(result)));
    const p = result.outcomes.nuclearUse;
    expect(row?.headline).toEqual({ p: p.p, low: p.ci95[0], high: p.ci95[1] });
    store.close();
  });

  it('lists newest first with a limit, and removes finished rows', async () => {
    const store = RunStore.open(join(dir, 'list.db'), { now: steppingClock() });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await recordRun(store, newRun, () => simulate(loaded, { runs: 100 }))).id);
    }
    expect(store.list().map((r) => r.id)).toEqual([...ids].reverse());
    expect(store.list(2).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(store.remove(ids[1])).toBe('removed');
    expect(store.remove(ids[1])).toBe('missing');
    expect(store.get(ids[1])).toBeUndefined();
    expect(store.list().map((r) => r.id)).toEqual([ids[2], ids[0]]);
    store.close();
  });

  it('records a failure with its message and rethrows it', async () => {
    const store = RunStore.open(':memory:');
    await expect(
      recordRun(store, newRun, () => Promise.reject(new Error('worker crashed'))),
    ).rejects.toThrow('worker crashed');
    const [row] = store.list();
    expect(row.status).toBe('failed');
    expect(store.get(row.id)?.error).toBe('worker crashed');
    expect(row.headline).toBeNull();
  });

  it('records an aborted run as cancelled, with the trials done', async () => {
    const store = RunStore.open(':memory:');
    const controller = new AbortController();
    controller.abort();
    const { id } = await recordRun(store, newRun, () =>
      simulate(loaded, { runs: 5_000, chunkSize: 1_000, signal: controller.signal }),
    );
    // Cancel acts within a slice of a chunk, so fewer trials than one chunk may be done.
    const row = store.get(id);
    expect(row).toMatchObject({ status: 'cancelled' });
    expect(row?.runs).toBeGreaterThan(0);
    expect(row?.runs).toBeLessThanOrEqual(1_000);
  });

  it('reads a running row whose process is gone as interrupted, and lets it be removed', () => {
    const file = join(dir, 'killed.db');
    const owner = { pid: deadPid(), hostname: 'this-host' };
    const dead = RunStore.open(file, { owner: { ...owner } });
    const id = dead.start(newRun);
    dead.close();
    const here = { pid: process.pid, hostname: 'this-host' };
    const store = RunStore.open(file, { owner: here });
    expect(store.get(id)?.status).toBe('interrupted');
    expect(store.list()[0].status).toBe('interrupted');
    expect(store.remove(id)).toBe('removed');
    store.close();
  });

  it('keeps a live run as running and refuses to remove it', () => {
    const store = RunStore.open(':memory:');
    const id = store.start(newRun);
    expect(store.get(id)?.status).toBe('running');
    expect(store.remove(id)).toBe('running');
    // A row on another host cannot be checked: it stays running.
    const elsewhere = RunStore.open(':memory:', { owner: { pid: deadPid(), hostname: 'far' } });
    const other = elsewhere.start(newRun);
    expect(elsewhere.get(other)?.status).toBe('running');
  });

  it('finishes a row once only', async () => {
    const store = RunStore.open(':memory:');
    const id = store.start(newRun);
    const result = await simulate(loaded, { runs: 100 });
    expect(store.finish(id, { status: 'done', result })).toBe(true);
    expect(store.finish(id, { status: 'failed', error: 'late' })).toBe(false);
    expect(store.get(id)?.status).toBe('done');
  });

  it('keeps the progress of a finished run, never of one still running', async () => {
    const store = RunStore.open(':memory:');
    const id = store.start(newRun);
    const progress = [{ done: 50 }, { done: 100 }];
    expect(store.saveProgress(id, progress)).toBe(false);
    expect(store.progress(id)).toBeNull();
    store.finish(id, { status: 'done', result: await simulate(loaded, { runs: 100 }) });
    expect(store.saveProgress(id, progress)).toBe(true);
    expect(store.progress(id)).toEqual(progress);
    expect(store.progress('999')).toBeNull();
    expect(store.saveProgress('x', progress)).toBe(false);
  });
});
