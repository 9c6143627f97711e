import { Hono } from 'hono';
import {
  compareTable,
  InputError,
  reportHtml,
  runTable,
  storedReportInput,
  toCsv,
  type ComparisonResult,
  type RunResult,
} from '../index.ts';
import { ApiError } from './api-error.ts';
import type { RunManager } from './run-manager.ts';
import { storedRun } from './run-routes.ts';

/** A report holds no script and loads nothing: its page may run none and fetch none. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A finished run's stored result, or a 409 naming why there is none yet. */
function finished(runs: RunManager, id: string) {
  const run = storedRun(runs, id);
  if (run.result === null) {
    throw new ApiError(409, 'no result', [
      { path: 'id', message: `run ${id} has no result (${run.status})` },
    ]);
  }
  return { run, result: run.result };
}

/**
 * Downloads of a stored run: its self-contained HTML report (as `petrov report ID`) and its
 * estimates as CSV (as `--format csv`), each as an attachment named for the run.
 */
export function exportRoutes(runs: RunManager): Hono {
  const api = new Hono();
  api.get('/runs/:id/report', (c) => {
    const { run } = finished(runs, c.req.param('id'));
    let html: string;
    try {
      html = reportHtml(storedReportInput(run));
    } catch (error) {
      if (error instanceof InputError) throw new ApiError(409, 'no result', error.issues);
      throw error;
    }
    c.header('content-type', 'text/html; charset=utf-8');
    c.header('content-disposition', `attachment; filename="petrov-run-${run.id}.html"`);
    c.header('content-security-policy', REPORT_POLICY);
    return c.body(html);
  });
  api.get('/runs/:id/estimates.csv', (c) => {
    const { run, result } = finished(runs, c.req.param('id'));
    const table =
      run.kind === 'run' ? runTable(result as RunResult) : compareTable(result as ComparisonResult);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="petrov-run-${run.id}.csv"`);
    return c.body(toCsv(table));
  });
  return api;
}
