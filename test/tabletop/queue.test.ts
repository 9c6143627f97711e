import { describe, expect, it } from 'vitest';
import { testServer, parseEvents } from '../helpers/api.ts';

const LONG = { kind: 'run', scenario: { name: 'analytic-single-sensor' }, runs: 2_000_000 };
const SHORT = { kind: 'run', scenario: { name: 'analytic-single-sensor' }, runs: 500 };

describe('a shared server queues runs beyond its limit', () => {
  it('a third run waits with its place shown, starts when a slot frees, and a queued run can be cancelled', async () => {
    const server = testServer({ limits: { concurrentRuns: 2 } });
    const ids: string[] = [];
    for (const body of [LONG, LONG, SHORT, SHORT]) {
      const response = await server.post('/api/runs', body);
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const position = async (id: string) =>
      ((await (await server.get(`/api/runs/${id}`)).json()) as { queuePosition: number | null })
        .queuePosition;
    expect(await position(ids[0])).toBeNull();
    expect(await position(ids[2])).toBe(1);
    expect(await position(ids[3])).toBe(2);
    // The fourth is cancelled while it waits: the third stays first, the fourth ends cancelled.
    expect((await server.post(`/api/runs/${ids[3]}/cancel`, {})).status).toBe(202);
    expect(await position(ids[2])).toBe(1);
    await server.post(`/api/runs/${ids[0]}/cancel`, {});
    // The third's stream said where it waited, then ran to its end once the first had stopped.
    const stream = parseEvents(await (await server.get(`/api/runs/${ids[2]}/events`)).text());
    expect(stream[0]).toEqual({ event: 'queued', data: { position: 1 } });
    expect(stream[1]).toEqual({ event: 'queued', data: { position: 0 } });
    expect(stream.at(-1)).toEqual({ event: 'end', data: { status: 'done' } });
    await server.post(`/api/runs/${ids[1]}/cancel`, {});
    await server.runs.idle();
    const status = async (id: string) =>
      ((await (await server.get(`/api/runs/${id}`)).json()) as { status: string }).status;
    expect(await status(ids[2])).toBe('done');
    // The fourth never started: cancelled with no trials run.
    const fourth = (await (await server.get(`/api/runs/${ids[3]}`)).json()) as {
      status: string;
      runs: number;
      result: unknown;
    };
    expect(fourth).toMatchObject({ status: 'cancelled', runs: 0, result: null });
  });
});
