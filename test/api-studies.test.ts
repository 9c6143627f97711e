/** Sensitivity and uncertainty studies over HTTP: the same numbers as the library, bounded work. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadScenarioText,
  ratioTornado,
  sobol,
  tornado,
  uncertainty,
  type RatioTornadoResult,
  type SobolResult,
  type TornadoResult,
  type UncertaintyResult,
} from '../src/index.ts';
import { json, SCENARIOS, testServer, type ErrorBody } from './helpers/api.ts';

const ANALYTIC = readFileSync(join(SCENARIOS, 'analytic-single-sensor.yaml'), 'utf8');
const TEXT = `${ANALYTIC}
uncertainty:
  actors.solo.tracks.ballistic.falseAlarm: { dist: uniform, min: 1, max: 3, assumption: test }
  actors.solo.human.catchProbability: { dist: uniform, min: 0.85, max: 0.95, assumption: test }
`;
const loaded = () => {
  const result = loadScenarioText(TEXT, { source: 'scenario' });
  if (!result.ok) throw new Error('test scenario invalid');
  return result.value;
};
/** Everything but the wall-clock timing, which is the only field that may differ. */
const numbers = <T extends { timing: unknown }>({ timing: _t, ...rest }: T) => rest;

describe('POST /api/studies/sensitivity', () => {
  it('answers the tornado and Sobol indices the library computes for the same seed', async () => {
    const server = testServer();
    const response = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      runs: 1000,
      seed: 4,
      sobol: true,
      basePoints: 20,
      repetitions: 20,
    });
    expect(response.status).toBe(200);
    const body = await json<{ tornado: TornadoResult; sobol: SobolResult }>(response);
    const bars = await tornado(loaded(), { runs: 1000, seed: 4 });
    const indices = await sobol(loaded(), { basePoints: 20, repetitions: 20, seed: 4 });
    expect(numbers(body.tornado)).toEqual(numbers(bars));
    expect(numbers(body.sobol)).toEqual(numbers(indices));
  });

  it("answers a safeguard's risk-ratio study as the library computes it, and names bad fields", async () => {
    const server = testServer();
    const request = { runs: 1000, seed: 4, sobol: true, basePoints: 12, repetitions: 50 };
    const response = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      ...request,
      ratio: 'dual-phenomenology',
    });
    expect(response.status).toBe(200);
    const body = await json<{ tornado: RatioTornadoResult; sobol: SobolResult }>(response);
    const bars = await ratioTornado(loaded(), 'dual-phenomenology', { runs: 1000, seed: 4 });
    const indices = await sobol(loaded(), { ...request, ratio: 'dual-phenomenology' });
    expect(numbers(body.tornado)).toEqual(numbers(bars));
    expect(numbers(body.sobol)).toEqual(numbers(indices));
    expect(body.sobol.warnings.join(' ')).toContain('only 12 base points');
    const bad = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      runs: 10,
      ratio: 'nope',
    });
    expect(bad.status).toBe(422);
    expect((await json<ErrorBody>(bad)).issues[0].path).toBe('ratio');
    const few = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      sobol: true,
      basePoints: 3,
    });
    expect(few.status).toBe(422);
    expect((await json<ErrorBody>(few)).issues[0].path).toBe('basePoints');
    // Edited text that does not validate: the scenario's issues, at their field, as for a run.
    const broken = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT.replace('horizonDays: 30', 'horizonDays: -5') },
      ratio: 'dual-phenomenology',
    });
    expect(broken.status).toBe(422);
    const body422 = await json<ErrorBody>(broken);
    expect(body422.error).toBe('invalid scenario');
    expect(body422.issues?.map((i) => i.path)).toContain('horizonDays');
  });

  it('refuses a scenario without uncertain parameters, and more trials than the limit', async () => {
    const server = testServer({ limits: { trialsPerRequest: 10_000 } });
    const none = await server.post('/api/studies/sensitivity', { scenario: { text: ANALYTIC } });
    expect(none.status).toBe(422);
    expect((await json<ErrorBody>(none)).issues).toEqual([
      { path: 'uncertainty', message: 'declare uncertain parameters (or give --uncertain)' },
    ]);
    const big = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      runs: 5000,
    });
    expect(big.status).toBe(422);
    expect(await json<ErrorBody>(big)).toEqual({
      error: 'too many trials',
      issues: [{ path: 'body', message: '25000 trials in all; this server allows 10000' }],
    });
    const unknown = await server.post('/api/studies/sensitivity', {
      scenario: { text: TEXT },
      trials: 5,
    });
    expect((await json<ErrorBody>(unknown)).issues).toEqual([
      { path: 'trials', message: 'unknown field' },
    ]);
    expect(server.logged).toEqual([]);
  });
});

describe('POST /api/studies/uncertainty', () => {
  it('answers the two-level study the library computes, safeguards weighed', async () => {
    const server = testServer();
    const request = { parameterSets: 8, repetitions: 200, seed: 2, safeguards: ['hotline'] };
    const response = await server.post('/api/studies/uncertainty', {
      scenario: { text: TEXT },
      ...request,
    });
    const body = await json<UncertaintyResult>(response);
    expect(response.status).toBe(200);
    expect(numbers(body)).toEqual(numbers(await uncertainty(loaded(), request)));
  });

  it('names a safeguard the scenario does not have', async () => {
    const server = testServer();
    const response = await server.post('/api/studies/uncertainty', {
      scenario: { text: TEXT },
      parameterSets: 4,
      repetitions: 10,
      safeguards: ['hotlin'],
    });
    expect(response.status).toBe(422);
    const body = await json<ErrorBody>(response);
    expect(body.issues[0].message).toMatch(/unknown safeguard/);
  });
});

describe('POST /api/validate', () => {
  it('lists the parameters a study would vary', async () => {
    const server = testServer();
    const body = await json<{ uncertain: string[] }>(
      await server.post('/api/validate', { text: TEXT }),
    );
    expect(body.uncertain).toEqual([
      'actors.solo.tracks.ballistic.falseAlarm',
      'actors.solo.human.catchProbability',
    ]);
  });
});
