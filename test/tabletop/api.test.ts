import { describe, expect, it } from 'vitest';
import type { ExerciseView, SeatView } from '../../src/server/tabletop/index.ts';
import { settle, tabletop, tokenOf, type Created } from './helpers.ts';

const SOLO = {
  scenario: { name: 'analytic-single-sensor' },
  label: 'solo drill',
  people: ['solo'],
  // Trial 3 of seed 1 asks one alert decision (approved by the doctrine, ending in use).
  seed: 1,
  trial: 3,
  compression: 60,
  debriefBranches: 400,
};
const KOREA = {
  scenario: { name: 'korean-peninsula-2026' },
  label: 'two seats',
  className: 'class A',
  people: ['north', 'south'],
  seed: 1,
  trial: 2,
  compression: 60,
  debriefBranches: 0,
};

async function create(t: ReturnType<typeof tabletop>, body: object): Promise<Created> {
  const response = await t.call('POST', '/api/exercises', body);
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

const seat = async (t: ReturnType<typeof tabletop>, token: string) =>
  (await (await t.call('GET', '/api/seat', undefined, token)).json()) as SeatView;

describe('tabletop API: exercises and seats', () => {
  it('creates an exercise with a token per person seat; a player joins, plays and sees the end', async () => {
    const t = tabletop();
    const created = await create(t, SOLO);
    expect(created.seats).toEqual([{ actor: 'solo', kind: 'person', token: expect.any(String) }]);
    const token = tokenOf(created, 'solo');
    const joined = await t.call('POST', '/api/seat/join', { name: 'Ada' }, token);
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as SeatView).seat).toEqual({ actor: 'solo', player: 'Ada' });

    expect((await t.call('POST', `/api/exercises/${created.id}/start`, {})).status).toBe(202);
    await settle();
    const view = await seat(t, token);
    expect(view.question?.point).toBe('alert');
    expect(view.question?.legal).toEqual(['approve', 'veto', 'defer']);
    // The Observation only: nothing says whether the track is genuine.
    expect(Object.keys(view.question?.observation ?? {})).not.toContain('genuine');
    // A 60× compression plays the window's minutes in as many seconds.
    expect(view.question?.limitSeconds).toBeCloseTo(view.question?.observation.windowMinutes ?? 0);

    // Ada vetoes every alert, each after a second (a model minute).
    for (let q = view.question; q !== null; q = (await seat(t, token)).question) {
      t.clock.advance(1000);
      const decided = await t.call(
        'POST',
        '/api/seat/decide',
        { question: q.id, choice: 'veto' },
        token,
      );
      expect(decided.status).toBe(200);
      await settle();
    }
    const end = await seat(t, token);
    expect(end.exercise.status).toBe('done');
    expect(end.answers[0]).toMatchObject({
      question: 1,
      choice: 'veto',
      late: false,
      player: 'Ada',
      seconds: 1,
      minutes: 1,
    });
    expect(end.outcome?.nuclearUse).toBe(false);

    const full = (await (
      await t.call('GET', `/api/exercises/${created.id}`)
    ).json()) as ExerciseView;
    expect(full.status).toBe('done');
    const d = full.debrief?.decisions[0];
    // The doctrine approved this false alarm, and the crisis ended in use at once.
    expect(d).toMatchObject({ player: 'Ada', choice: 'veto', doctrine: 'approve', genuine: false });
    expect(d?.underDoctrine?.nuclearUse).toBe(true);
    expect(d?.underDoctrine?.minute).toBeLessThan(d?.underChoice?.minute ?? 0);
    // From that moment on: the doctrine's 10% miss adds to the risk of the days left (paired).
    expect(d?.risk?.underAgent.p).toBeGreaterThan(d?.risk?.underChoice.p ?? 1);
    expect(d?.risk?.difference.ci95[0]).toBeGreaterThan(0);
  });

  it('a decision not made in time falls to the doctrine default and is marked late', async () => {
    const t = tabletop();
    const created = await create(t, SOLO);
    const token = tokenOf(created, 'solo');
    await t.call('POST', `/api/exercises/${created.id}/start`, {});
    await settle();
    const q = (await seat(t, token)).question;
    expect(q).not.toBeNull();
    t.clock.advance((q?.limitSeconds ?? 0) * 1000 - 1);
    expect((await seat(t, token)).question?.id).toBe(q?.id);
    t.clock.advance(2);
    await settle();
    const end = await seat(t, token);
    expect(end.answers).toMatchObject([{ choice: 'defer', late: true }]);
    // Too late: the click arrives after the window closed.
    const late = await t.call(
      'POST',
      '/api/seat/decide',
      { question: q?.id, choice: 'veto' },
      token,
    );
    expect(late.status).toBe(409);
  });

  it("a player's token acts only in its own seat: not another's question, not the facilitator's routes", async () => {
    const t = tabletop();
    const created = await create(t, KOREA);
    const north = tokenOf(created, 'north');
    const south = tokenOf(created, 'south');
    for (const [method, path] of [
      ['POST', '/api/exercises'],
      ['GET', '/api/exercises'],
      ['GET', `/api/exercises/${created.id}`],
      ['POST', `/api/exercises/${created.id}/start`],
      ['POST', `/api/exercises/${created.id}/stop`],
      ['DELETE', `/api/exercises/${created.id}`],
      ['GET', '/api/classes/class%20A'],
    ] as const) {
      const response = await t.call(method, path, method === 'POST' ? {} : undefined, north);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    await t.call('POST', `/api/exercises/${created.id}/start`, {});
    await settle();
    // Trial 2 begins with an alert for south.
    const q = (await seat(t, south)).question;
    expect(q?.actor).toBe('south');
    expect((await seat(t, north)).question).toBeNull();
    const stolen = await t.call(
      'POST',
      '/api/seat/decide',
      { question: q?.id, choice: 'veto' },
      north,
    );
    expect(stolen.status).toBe(409);
    expect((await seat(t, south)).question?.id).toBe(q?.id);
    // Another exercise's token opens nothing here either.
    const other = await create(t, SOLO);
    const foreign = await t.call(
      'POST',
      '/api/seat/decide',
      { question: q?.id, choice: 'veto' },
      tokenOf(other, 'solo'),
    );
    expect(foreign.status).toBe(409);
    expect((await seat(t, south)).question?.id).toBe(q?.id);
    await t.exercises.shutdown();
  });

  it("only the facilitator cancels or deletes other people's runs", async () => {
    const t = tabletop();
    const created = await create(t, KOREA);
    const north = tokenOf(created, 'north');
    const south = tokenOf(created, 'south');
    await t.call('POST', '/api/seat/join', { name: 'Nora' }, north);
    const run = { kind: 'run', scenario: { name: 'analytic-single-sensor' }, runs: 1000000 };
    const mine = (await (await t.call('POST', '/api/runs', run)).json()) as { id: string };
    const hers = (await (
      await t.call('POST', '/api/runs', { ...run, label: "Nora's" }, north)
    ).json()) as { id: string };
    expect((await t.call('POST', `/api/runs/${mine.id}/cancel`, {}, north)).status).toBe(403);
    expect((await t.call('POST', `/api/runs/${hers.id}/cancel`, {}, south)).status).toBe(403);
    expect((await t.call('DELETE', `/api/runs/${mine.id}`, undefined, north)).status).toBe(403);
    const listed = (await (await t.call('GET', '/api/runs')).json()) as {
      runs: { id: string; label: string; owner: string }[];
    };
    expect(listed.runs.find((r) => r.id === hers.id)).toMatchObject({
      label: "Nora's",
      owner: 'Nora',
    });
    expect(listed.runs.find((r) => r.id === mine.id)?.owner).toBe('facilitator');
    // Her own run she may cancel; the facilitator may cancel anyone's.
    expect((await t.call('POST', `/api/runs/${hers.id}/cancel`, {}, north)).status).toBe(202);
    expect((await t.call('POST', `/api/runs/${mine.id}/cancel`, {})).status).toBe(202);
    await t.runs.idle();
    expect((await t.call('DELETE', `/api/runs/${hers.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/runs/${mine.id}`, undefined, north)).status).toBe(403);
  });

  it('behind an access token, a seat token reaches its seat and nothing of the facilitator', async () => {
    const t = tabletop({ token: 'the-facilitators-token' });
    const created = (await (
      await t.call('POST', '/api/exercises', SOLO, 'the-facilitators-token')
    ).json()) as Created;
    const token = tokenOf(created, 'solo');
    expect((await t.call('GET', '/api/seat', undefined, token)).status).toBe(200);
    expect((await t.call('GET', '/api/exercises', undefined, token)).status).toBe(403);
    expect((await t.call('GET', '/api/seat', undefined, 'guessed')).status).toBe(401);
    expect((await t.call('GET', '/api/exercises')).status).toBe(401);
  });

  it('refuses a bad exercise naming the field', async () => {
    const t = tabletop();
    const bad = await t.call('POST', '/api/exercises', { ...SOLO, people: ['nobody'] });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'people.0' }] });
    const empty = await t.call('POST', '/api/exercises', { ...SOLO, label: '' });
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ issues: [{ path: 'label' }] });
  });
});
