/** A stored run's downloads over HTTP: the report and the estimates CSV the CLI would write. */
import { describe, expect, it } from 'vitest';
import {
  compareTable,
  reportHtml,
  runTable,
  storedReportInput,
  toCsv,
  type ComparisonResult,
  type RunResult,
} from '../src/index.ts';
import type { RunDetail } from '../src/store/index.ts';
import { json, parseEvents, testServer, type ErrorBody, type TestServer } from './helpers/api.ts';

async function finishedRun(server: TestServer, body: Record<string, unknown>) {
  const started = await server.post('/api/runs', body);
  const { id } = await json<{ id: string }>(started);
  const events = parseEvents(await (await server.get(`/api/runs/${id}/events`)).text());
  expect(events[events.length - 1]).toMatchObject({ event: 'end', data: { status: 'done' } });
  return json<RunDetail>(await server.get(`/api/runs/${id}`));
}

describe('GET /api/runs/:id/report and /estimates.csv', () => {
  const server = testServer();
  const scenario = { name: 'analytic-single-sensor' };

  it('sends a run its report as petrov report would write it, as an attachment', async () => {
    const run = await finishedRun(server, { kind: 'run', scenario, runs: 5000 });
    const response = await server.get(`/api/runs/${run.id}/report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="petrov-run-${run.id}.html"`,
    );
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe(reportHtml(storedReportInput(run)));
    const csv = await server.get(`/api/runs/${run.id}/estimates.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(toCsv(runTable(run.result as RunResult)));
  });

  it('sends a comparison its paired rows', async () => {
    const run = await finishedRun(server, {
      kind: 'compare',
      scenario,
      runs: 2000,
      safeguards: ['human-in-the-loop'],
    });
    const csv = await server.get(`/api/runs/${run.id}/estimates.csv`);
    expect(await csv.text()).toBe(toCsv(compareTable(run.result as ComparisonResult)));
  });

  it('answers 404 for an unknown run', async () => {
    const response = await server.get('/api/runs/999/report');
    expect(response.status).toBe(404);
    expect((await json<ErrorBody>(response)).issues).toEqual([
      { path: 'id', message: "no run '999'" },
    ]);
  });
});
