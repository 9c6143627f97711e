/** `POST /api/runs` with a label and with paired what-ifs, as `--label` and `compare --variant`. */
import { describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../src/index.ts';
import type { RunDetail, RunSummaryRow } from '../src/store/index.ts';
import { cli } from './helpers/cli.ts';
import { json, parseEvents, testServer, type ErrorBody, type TestServer } from './helpers/api.ts';

const ANALYTIC = { name: 'analytic-single-sensor' };
const MISS = 'actors.solo.human.catchProbability';

async function finished(server: TestServer, body: Record<string, unknown>): Promise<RunDetail> {
  const response = await server.post('/api/runs', body);
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = await json<{ id: string }>(response);
  const events = parseEvents(await (await server.get(`/api/runs/${id}/events`)).text());
  expect(events.at(-1)?.data).toMatchObject({ status: 'done' });
  return json<RunDetail>(await server.get(`/api/runs/${id}`));
}

describe('a label through the API', () => {
  const server = testServer();

  it('is stored with the run and listed; a run without one lists none', async () => {
    await finished(server, { kind: 'run', scenario: ANALYTIC, runs: 200, label: ' sharper eyes ' });
    await finished(server, { kind: 'run', scenario: ANALYTIC, runs: 200 });
    const { runs } = await json<{ runs: RunSummaryRow[] }>(await server.get('/api/runs'));
    expect(runs.map((r) => r.label)).toEqual([null, 'sharper eyes']);
  });

  it('is one line of 1 to 200 characters (422 naming label)', async () => {
    for (const label of ['', 'two\nlines', 'x'.repeat(201)]) {
      const response = await server.post('/api/runs', { kind: 'run', scenario: ANALYTIC, label });
      expect(response.status).toBe(422);
      expect((await json<ErrorBody>(response)).issues).toEqual([
        { path: 'label', message: 'expected 1 to 200 characters on one line' },
      ]);
    }
  });
});

describe('variants through the API', () => {
  const server = testServer();

  it("gives `compare --variant`'s numbers and lists the what-if", async () => {
    const run = await finished(server, {
      kind: 'compare',
      scenario: ANALYTIC,
      runs: 2000,
      seed: 5,
      variants: [{ name: 'sharper', sets: [`${MISS}=0.95`] }],
    });
    const result = run.result as ComparisonResult;
    expect(result.variants.map((v) => v.name)).toEqual(['sharper']);
    expect(run.whatIfs).toEqual([`sharper: ${MISS}=0.95`]);
    const byCli = await cli(
      'compare',
      'scenarios/analytic-single-sensor.yaml',
      '--variant',
      'sharper',
      '--set',
      `${MISS}=0.95`,
      '--runs',
      '2000',
      '--seed',
      '5',
      '--json',
      '--no-store',
    );
    const cliResult = JSON.parse(byCli.out) as ComparisonResult;
    expect(result.variants[0].riskRatio).toEqual(cliResult.variants[0].riskRatio);
    expect(result.baseline.nuclearUse).toEqual(cliResult.baseline.nuclearUse);
  });

  it('refuses a bad change, name or kind with a 422 naming the variant and the field', async () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await server.post('/api/runs', { scenario: ANALYTIC, ...body });
      expect(response.status).toBe(422);
      return (await json<ErrorBody>(response)).issues;
    };
    const variant = (name: string, sets: string[]) => ({
      kind: 'compare',
      variants: [{ name, sets }],
    });
    expect(await post(variant('v', [`${MISS.replace('Probability', 'Probabilty')}=0.9`])))
      .toMatchInlineSnapshot(`
      [
        {
          "message": "unknown field (did you mean 'catchProbability'?)",
          "path": "variants.0 (v): actors.solo.human.catchProbabilty",
        },
      ]
    `);
    expect(await post(variant('v', [`${MISS}=2`]))).toMatchObject([
      { path: `variants.0 (v): ${MISS}` },
    ]);
    expect(await post(variant('baseline', ['horizonDays=5']))).toEqual([
      {
        path: 'variants.0 (baseline)',
        message: "'baseline' is taken: give each variant its own name",
      },
    ]);
    expect(await post(variant('v', []))).toEqual([
      { path: 'variants.0 (v)', message: 'needs at least one change (path=value)' },
    ]);
    expect(await post({ ...variant('v', ['horizonDays=5']), kind: 'run' })).toEqual([
      { path: 'variants', message: 'only applies to kind "compare"' },
    ]);
  });
});
