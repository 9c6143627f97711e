import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { RunDetail, RunStore } from '../store/index.ts';
import {
  progressEvent,
  type ProgressEvent,
  type RunEvent,
  type RunManager,
} from './run-manager.ts';
import { storedRun } from './run-routes.ts';

/** How often a run owned by another process (a CLI run) is re-read until it ends. */
const POLL_MS = 1000;

/**
 * `GET /runs/:id/events`: server-sent `progress` events after every chunk, then one `end`. A run
 * that has already ended sends the progress it streamed (or, if none was kept, its last) and `end`
 * at once; so does one that joins late, up to where the run is.
 */
export function eventsRoute(store: RunStore, runs: RunManager): Hono {
  const api = new Hono();
  api.get('/runs/:id/events', (c) => {
    const id = storedRun(runs, c.req.param('id')).id;
    return streamSSE(c, async (stream) => {
      const queue: RunEvent[] = [];
      let wake = () => {};
      const unsubscribe = runs.subscribe(id, (event) => {
        queue.push(event);
        wake();
      });
      if (unsubscribe === undefined) return replayStored(stream, store, runs, id);
      stream.onAbort(() => wake());
      try {
        while (!stream.aborted) {
          for (let event = queue.shift(); event !== undefined; event = queue.shift()) {
            await send(stream, event);
            if (event.type === 'end') return;
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        unsubscribe();
      }
    });
  });
  return api;
}

function send(stream: SSEStreamingApi, event: RunEvent): Promise<void> {
  return stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) });
}

/** A run not in progress here: wait while another process owns it, then its end. */
async function replayStored(
  stream: SSEStreamingApi,
  store: RunStore,
  runs: RunManager,
  id: string,
): Promise<void> {
  let run = runs.get(id);
  while (run?.status === 'running' && !stream.aborted) {
    await stream.sleep(POLL_MS);
    run = runs.get(id);
  }
  if (run === undefined || stream.aborted) return;
  const kept = store.progress(id) as ProgressEvent[] | null;
  const last = finalProgress(run);
  for (const data of kept ?? (last === null ? [] : [last])) {
    await send(stream, { type: 'progress', data });
  }
  await send(stream, { type: 'end', data: { status: run.status } });
}

/** The last progress of a finished run, from its stored result. */
export function finalProgress(run: RunDetail): ProgressEvent | null {
  const result = run.result;
  if (result === null) return null;
  const estimate = 'outcomes' in result ? result.outcomes.nuclearUse : result.baseline.nuclearUse;
  const done = result.runs;
  return progressEvent({
    done,
    planned: run.options.runs ?? run.options.maxRuns ?? done,
    nuclearUse: Math.round(estimate.p * done),
    estimate,
    relErr: estimate.relErr,
  });
}
