/** Runs through the HTTP API, in memory: start, stream, store, list, cancel, delete, trace. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadScenarioText,
  simulate,
  type CompareResult,
  type RunResult,
  type TraceResult,
  WorkerPool,
} from '../src/index.ts';
import { wilson } from '../src/estimate/index.ts';
import type { ProgressEvent } from '../src/server/index.ts';
import { RunStore, type RunDetail, type RunSummaryRow } from '../src/store/index.ts';
import {
  json,
  parseEvents,
  SCENARIOS,
  testServer,
  type ErrorBody,
  type TestServer,
} from './helpers/api.ts';

const ANALYTIC = { name: 'analytic-single-sensor' };
const KOREA = { name: 'korean-peninsula-2026' };
/** The analytic scenario's exact answer (see the comment at the top of its file). */
const ANALYTIC_P = 1 - Math.exp(-2 * 0.05 * 0.1 * 30);
const Z999 = 3.2905267314919255;

async function start(server: TestServer, body: Record<string, unknown>): Promise<string> {
  const response = await server.post('/api/runs', body);
  expect(response.status, await response.clone().text()).toBe(202);
  return (await json<{ id: string }>(response)).id;
}

/** Follows a run's event stream to its end. */
async function events(server: TestServer, id: string) {
  const response = await server.get(`/api/runs/${id}/events`);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const all = parseEvents(await response.text());
  const progress = all.filter((e) => e.event === 'progress').map((e) => e.data as ProgressEvent);
  const end = all[all.length - 1];
  expect(end.event).toBe('end');
  return { progress, status: (end.data as { status: string }).status };
}

async function detail(server: TestServer, id: string): Promise<RunDetail> {
  return json<RunDetail>(await server.get(`/api/runs/${id}`));
}

describe('a run started through the API', () => {
  const server = testServer();

  it('streams its convergence, ends done, is stored and listed, with the CLI numbers', async () => {
    const id = await start(server, { kind: 'run', scenario: ANALYTIC, runs: 20_000, seed: 3 });
    const { progress, status } = await events(server, id);
    expect(status).toBe('done');
    // About 20 chunks of runs/20, each with the running estimate inside its own interval.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    for (const p of progress) {
      expect(p.planned).toBe(20_000);
      expect(p.p).toBe(p.nuclearUse / p.done);
      expect(p.low).toBeLessThanOrEqual(p.p);
      expect(p.high).toBeGreaterThanOrEqual(p.p);
    }
    const last = progress[progress.length - 1];
    expect(last.done).toBe(20_000);
    // The exact answer lies in the final 99.9% interval.
    const [low, high] = wilson(last.nuclearUse, last.done, Z999);
    expect(low <= ANALYTIC_P && ANALYTIC_P <= high).toBe(true);

    const run = await detail(server, id);
    expect(run).toMatchObject({ id, kind: 'run', status: 'done', seed: 3, runs: 20_000 });
    expect(run.options).toMatchObject({ source: 'bundled:analytic-single-sensor', safeguards: [] });
    expect(run.headline).toEqual({ p: last.p, low: last.low, high: last.high });
    const text = readFileSync(join(SCENARIOS, 'analytic-single-sensor.yaml'), 'utf8');
    expect(run.scenarioText).toBe(text);
    // The same numbers as `petrov run --seed 3 --runs 20000`, whatever the chunk size.
    const loaded = loadScenarioText(text);
    if (!loaded.ok) throw new Error('bundled scenario invalid');
    const direct = await simulate(loaded.value, { runs: 20_000, seed: 3 });
    expect((run.result as RunResult).outcomes).toEqual(JSON.parse(JSON.stringify(direct.outcomes)));

    const { runs } = await json<{ runs: RunSummaryRow[] }>(await server.get('/api/runs'));
    expect(runs[0]).toMatchObject({ id, status: 'done', headline: run.headline });
    expect(runs[0]).not.toHaveProperty('result');
  });

  it('samples by importance on request, streaming the weighted estimate', async () => {
    const id = await start(server, { kind: 'run', scenario: ANALYTIC, runs: 2_000, method: 'is' });
    const { progress, status } = await events(server, id);
    expect(status).toBe('done');
    const result = (await detail(server, id)).result as RunResult;
    expect(result.method).toBe('importance');
    expect(result.importance?.diagnostics.ess).toBeGreaterThan(0);
    // The last progress event is the result's own estimate and interval.
    const use = result.outcomes.nuclearUse;
    expect(progress[progress.length - 1]).toMatchObject({ p: use.p, low: use.ci95[0] });
    expect(Math.abs(use.p - ANALYTIC_P)).toBeLessThanOrEqual(Z999 * use.stderr);
    expect((await detail(server, id)).options).toMatchObject({ method: 'is' });
    const bad = await server.post('/api/runs', { kind: 'run', scenario: ANALYTIC, method: 'x' });
    expect(bad.status).toBe(422);
    expect((await json<ErrorBody>(bad)).issues[0].path).toBe('method');
  });

  it('runs on the worker threads the server keeps, with the same numbers', async () => {
    const pool = new WorkerPool(1);
    try {
      const kept = testServer({ pool });
      const body = { kind: 'run', scenario: ANALYTIC, runs: 2_000, seed: 3 };
      const first = await start(kept, body);
      await events(kept, first);
      const second = await start(kept, body);
      await events(kept, second);
      const own = await start(server, body);
      await events(server, own);
      const outcomes = async (s: TestServer, id: string) =>
        ((await detail(s, id)).result as RunResult).outcomes;
      expect(await outcomes(kept, first)).toEqual(await outcomes(server, own));
      expect(await outcomes(kept, second)).toEqual(await outcomes(server, own));
    } finally {
      await pool.close();
    }
  });

  it('replays the stream it sent, at once, after the end; times results by the injected clock', async () => {
    const frozen = testServer({ clock: () => 0 });
    const id = await start(frozen, { kind: 'run', scenario: ANALYTIC, runs: 1_000 });
    const live = await events(frozen, id);
    expect(live.progress.length).toBeGreaterThan(1);
    expect(((await detail(frozen, id)).result as RunResult).timing.seconds).toBe(0);
    const again = await events(frozen, id);
    expect(again.status).toBe('done');
    expect(again.progress).toEqual(live.progress);
    expect(again.progress[again.progress.length - 1]).toMatchObject({
      done: 1_000,
      planned: 1_000,
    });
    // A run recorded without its progress (by the CLI, or an older Petrov) replays its last one.
    const run = await detail(frozen, id);
    const { kind, scenarioName, scenarioHash, scenarioText, options, seed, version } = run;
    const cli = frozen.store.start({
      kind,
      scenarioName,
      scenarioHash,
      scenarioText,
      options,
      seed,
      version,
    });
    frozen.store.finish(cli, { status: 'done', result: run.result as RunResult });
    const replayed = await events(frozen, cli);
    expect(replayed.progress).toHaveLength(1);
    expect(replayed.progress[0]).toMatchObject({ done: 1_000, planned: 1_000 });
  });

  it('applies safeguards, and traces the examples it lists', async () => {
    const id = await start(server, {
      kind: 'run',
      scenario: { text: readFileSync(join(SCENARIOS, 'korean-peninsula-2026.yaml'), 'utf8') },
      runs: 2_000,
      seed: 5,
      safeguards: ['minimum-decision-time:south'],
    });
    await events(server, id);
    const run = await detail(server, id);
    expect(run.options.source).toBe('text');
    const result = run.result as RunResult;
    expect(result.examples.length).toBeGreaterThan(0);
    const example = result.examples[0];
    const response = await server.get(`/api/runs/${id}/trace?trial=${example.trial}`);
    const trace = await json<TraceResult>(response);
    expect(trace).toMatchObject({ trial: example.trial, seed: 5, nuclearUse: true });
    expect(trace.scenario.hash).toBe(result.scenario.hash);
    expect(trace.events.length).toBeGreaterThan(0);
  });

  it('answers trace errors with 4xx', async () => {
    const id = (await json<{ runs: RunSummaryRow[] }>(await server.get('/api/runs'))).runs[0].id;
    const missing = await server.get(`/api/runs/${id}/trace`);
    expect(missing.status).toBe(400);
    expect((await json<ErrorBody>(missing)).issues[0].path).toBe('trial');
    expect((await server.get(`/api/runs/${id}/trace?trial=-1`)).status).toBe(400);
    expect((await server.get(`/api/runs/${id}/trace?trial=1&safeguards=nope`)).status).toBe(422);
    expect((await server.get('/api/runs/999/trace?trial=1')).status).toBe(404);
  });

  it('answers a trace too large to hold with 422 and what to change', async () => {
    // About 300 million benign tracks per trial: a run counts them, a trace cannot list them.
    const text = readFileSync(join(SCENARIOS, 'analytic-single-sensor.yaml'), 'utf8')
      .replace('falseAlarm: 2 }', 'falseAlarm: 10000 }')
      .replace('falsePositive: { ballistic: 0.05 }', 'falsePositive: { ballistic: 1.0e-10 }')
      .replace('label: Single actor', 'label: Single actor\n    sensitivity: 1000');
    const id = await start(server, { kind: 'run', scenario: { text }, runs: 200 });
    expect((await events(server, id)).status).toBe('done');
    const response = await server.get(`/api/runs/${id}/trace?trial=0`);
    expect(response.status).toBe(422);
    expect((await json<ErrorBody>(response)).error).toMatch(/too many to trace/);
  });
});

describe('a comparison started through the API', () => {
  const server = testServer();

  it("streams the baseline's progress and stores the paired result", async () => {
    const id = await start(server, {
      kind: 'compare',
      scenario: ANALYTIC,
      runs: 4_000,
      seed: 2,
      safeguards: ['hotline', 'confidence-threshold'],
      combine: true,
    });
    const { progress, status } = await events(server, id);
    expect(status).toBe('done');
    expect(progress[progress.length - 1].done).toBe(4_000);
    const run = await detail(server, id);
    const result = run.result as CompareResult;
    expect(result.variants.map((v) => v.name).sort()).toEqual([
      'combined',
      'confidence-threshold',
      'hotline',
    ]);
    expect(run.headline?.p).toBe(result.baseline.nuclearUse.p);
    expect(progress[progress.length - 1].p).toBe(result.baseline.nuclearUse.p);
    // A variant's trial, traced with its safeguards.
    const trace = await json<TraceResult>(
      await server.get(`/api/runs/${id}/trace?trial=3&safeguards=confidence-threshold`),
    );
    expect(trace.nuclearUse).toBe(false);
  });

  it('compares every available safeguard when none are named', async () => {
    const id = await start(server, { kind: 'compare', scenario: ANALYTIC, runs: 500 });
    await events(server, id);
    const result = (await detail(server, id)).result as CompareResult;
    expect(result.variants.map((v) => v.name)).toContain('human-in-the-loop');
  });
});

describe('cancel, delete and concurrency', () => {
  it('cancels a run: it ends cancelled with the trials done', async () => {
    const server = testServer();
    const id = await start(server, { kind: 'run', scenario: KOREA, runs: 2_000_000 });
    const cancel = await server.post(`/api/runs/${id}/cancel`, {});
    expect(cancel.status).toBe(202);
    expect(await json(cancel)).toEqual({ id, status: 'running' });
    const { status } = await events(server, id);
    expect(status).toBe('cancelled');
    const run = await detail(server, id);
    expect(run.status).toBe('cancelled');
    expect(run.runs).toBeGreaterThan(0);
    expect(run.runs).toBeLessThan(2_000_000);
    expect((run.result as RunResult).stoppedBy).toBe('aborted');
    // Cancelling again, or an unknown run.
    expect((await server.post(`/api/runs/${id}/cancel`, {})).status).toBe(409);
    expect((await server.post('/api/runs/77/cancel', {})).status).toBe(404);
  });

  it('refuses more runs than the limit and its queue (429), and deleting one in progress (409)', async () => {
    const server = testServer({ limits: { concurrentRuns: 1, queuedRuns: 0 } });
    const first = await start(server, { kind: 'compare', scenario: KOREA, runs: 2_000_000 });
    const second = await server.post('/api/runs', { kind: 'run', scenario: ANALYTIC });
    expect(second.status).toBe(429);
    expect((await json<ErrorBody>(second)).issues[0].message).toContain('1 at once and 0 waiting');
    expect((await server.del(`/api/runs/${first}`)).status).toBe(409);
    await server.post(`/api/runs/${first}/cancel`, {});
    expect((await events(server, first)).status).toBe('cancelled');
    expect((await detail(server, first)).result).toHaveProperty('stoppedBy', 'aborted');
    // The slot is free again; and a finished run can be deleted, once.
    const third = await start(server, { kind: 'run', scenario: ANALYTIC, runs: 500 });
    await events(server, third);
    expect((await server.del(`/api/runs/${third}`)).status).toBe(204);
    expect((await server.get(`/api/runs/${third}`)).status).toBe(404);
    expect((await server.del(`/api/runs/${third}`)).status).toBe(404);
  });

  it('reads a run whose process died as interrupted, and streams that end', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'petrov-api-')), 'petrov.db');
    const first = testServer({ store: RunStore.open(file) });
    const id = await start(first, { kind: 'run', scenario: ANALYTIC, runs: 500 });
    await events(first, id);
    // The same run again, as if a process that has since exited had started it.
    const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999_999;
    const crashed = RunStore.open(file, { owner: { pid: dead, hostname: hostname() } });
    const lost = crashed.start(await detail(first, id));
    crashed.close();
    expect((await detail(first, lost)).status).toBe('interrupted');
    expect((await events(first, lost)).status).toBe('interrupted');
    expect((await first.post(`/api/runs/${lost}/cancel`, {})).status).toBe(409);
    expect((await first.del(`/api/runs/${lost}`)).status).toBe(204);
  });
});

describe('a run owned by another process on the same store', () => {
  it('streams nothing until it ends, then its end', async () => {
    const store = RunStore.open(':memory:');
    const server = testServer({ store });
    const id = await start(server, { kind: 'run', scenario: ANALYTIC, runs: 500 });
    await events(server, id);
    // A row this server did not start, as a `petrov run` on the same file would write it.
    const cli = store.start(await detail(server, id));
    const stream = events(server, cli);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await detail(server, cli)).status).toBe('running');
    expect((await server.post(`/api/runs/${cli}/cancel`, {})).status).toBe(409);
    store.finish(cli, { status: 'failed', error: 'worker crashed' });
    expect(await stream).toEqual({ progress: [], status: 'failed' });
    expect((await detail(server, cli)).error).toBe('worker crashed');
  });
});

describe('bad run requests: a 4xx with the issue list, nothing stored, the server still answers', () => {
  const server = testServer({ limits: { trialsPerRequest: 100_000 } });
  const cases: [string, unknown, number, string][] = [
    ['too many trials', { kind: 'run', scenario: ANALYTIC, runs: 100_001 }, 422, 'runs'],
    [
      'too many trials under a target',
      { kind: 'run', scenario: ANALYTIC, targetRelError: 0.1, maxRuns: 200_000 },
      422,
      'maxRuns',
    ],
    [
      'runs and a target',
      { kind: 'run', scenario: ANALYTIC, runs: 10, targetRelError: 0.1 },
      422,
      'runs',
    ],
    ['maxRuns without a target', { kind: 'run', scenario: ANALYTIC, maxRuns: 10 }, 422, 'maxRuns'],
    ['zero runs', { kind: 'run', scenario: ANALYTIC, runs: 0 }, 422, 'runs'],
    ['fractional seed', { kind: 'run', scenario: ANALYTIC, seed: 1.5 }, 422, 'seed'],
    ['unknown kind', { kind: 'sweep', scenario: ANALYTIC }, 422, 'kind'],
    ['unknown field', { kind: 'run', scenario: ANALYTIC, trials: 5 }, 422, 'trials'],
    [
      'unknown scenario field',
      { kind: 'run', scenario: { file: '/etc/passwd' } },
      422,
      'scenario.file',
    ],
    [
      'path-like name',
      { kind: 'run', scenario: { name: '../../etc/passwd' } },
      400,
      'scenario.name',
    ],
    ['unknown name', { kind: 'run', scenario: { name: 'atlantis' } }, 404, 'scenario.name'],
    ['malformed YAML', { kind: 'run', scenario: { text: 'name: [x\n' } }, 422, 'name.0'],
    [
      'invalid scenario',
      { kind: 'run', scenario: { text: 'name: x\nhorizonDays: 0\n' } },
      422,
      'horizonDays',
    ],
    [
      'unknown safeguard',
      { kind: 'run', scenario: ANALYTIC, safeguards: ['prayer'] },
      422,
      'safeguards',
    ],
    ['combine on a run', { kind: 'run', scenario: ANALYTIC, combine: true }, 422, 'combine'],
    ['not an object', [1, 2], 422, ''],
  ];

  it.each(cases)('%s', async (_name, body, status, path) => {
    const response = await server.post('/api/runs', body);
    expect(response.status).toBe(status);
    const error = await json<ErrorBody>(response);
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect((await server.get('/api/health')).status).toBe(200);
  });

  it('positions issues in scenario text', async () => {
    const response = await server.post('/api/runs', {
      kind: 'run',
      scenario: { text: 'name: x\nhorizonDays: 0\n' },
    });
    const error = await json<ErrorBody>(response);
    expect(error.issues.find((i) => i.path === 'horizonDays')).toMatchObject({
      line: 2,
      column: 1,
    });
  });

  it('refuses a bad list limit, and stored nothing for any of the above', async () => {
    expect((await server.get('/api/runs?limit=0')).status).toBe(400);
    expect((await server.get('/api/runs?limit=x')).status).toBe(400);
    expect((await server.get('/api/runs?bogus=1')).status).toBe(400);
    expect(await json(await server.get('/api/runs'))).toEqual({ runs: [], skipped: [] });
    expect(server.logged).toEqual([]);
  });
});
