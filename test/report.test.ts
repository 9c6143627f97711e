/** `petrov report`: one self-contained HTML page that says how to get its numbers again. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComparisonResult, RunResult } from '../src/runner/index.ts';
import { cli } from './helpers/cli.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'report.db');

/** The stored run's id from `stored as run N in ...` on stderr. */
const storedId = (err: string) => /stored as run (\d+)/.exec(err)?.[1] ?? '';

describe('petrov report', () => {
  it('a stored run: headline, charts as inline SVG, scenario, options, version, hash, seed, command', async () => {
    const run = await cli(
      'run',
      KOREA,
      '--runs',
      '1000',
      '--seed',
      '4',
      '--set',
      'horizonDays=20',
      '--label',
      'short',
      '--db',
      db,
      '--json',
    );
    const result = JSON.parse(run.out) as RunResult;
    const out = join(dir, 'run.html');
    const report = await cli('report', storedId(run.err), '--db', db, '--out', out);
    expect(report.code).toBe(0);
    expect(report.err).toBe(`wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(
      html.match(/<figure class="chart" data-chart="[\w-]+"><figcaption>[^<]+<\/figcaption><svg /g),
    ).toHaveLength(4);
    const p = result.outcomes.nuclearUse;
    const pct = (x: number) => `${(100 * x).toPrecision(3)}%`;
    expect(html).toContain(
      `<strong>${pct(p.p)}</strong> (95% CI ${pct(p.ci95[0])} to ${pct(p.ci95[1])}`,
    );
    expect(html).toContain(`<td>${result.scenario.hash}</td>`);
    expect(html).toContain(`<th>Petrov version</th><td>${result.version}</td>`);
    expect(html).toContain('<th>option label</th><td>short</td>');
    expect(html).toContain('horizonDays: 30 # assumption: one acute crisis of about a month');
    const command = /<pre data-testid="command">([^<]+)<\/pre>/.exec(html)?.[1] ?? '';
    expect(command).toMatch(
      /^petrov run \S+korean-peninsula-2026\.yaml --seed 4 --runs 1000 --set horizonDays=20$/,
    );
    // The command gives the same numbers.
    const again = await cli(...command.split(' ').slice(1), '--json', '--no-store');
    const replayed = JSON.parse(again.out) as RunResult;
    expect(replayed.outcomes).toEqual(result.outcomes);
  });

  it('a stored comparison: the arms, their risk ratios and each cause', async () => {
    const cmp = await cli(
      'compare',
      KOREA,
      '--runs',
      '1000',
      '--safeguard',
      'hotline',
      '--variant',
      'trusting',
      '--set',
      'actors.north.human.automationBias=0.9',
      '--db',
      db,
      '--json',
    );
    const result = JSON.parse(cmp.out) as ComparisonResult;
    const report = await cli('report', storedId(cmp.err), '--db', db);
    expect(report.code).toBe(0);
    const charts = [...report.out.matchAll(/data-chart="([\w-]+)"/g)].map((m) => m[1]);
    expect(charts).toEqual([
      'arms',
      'risk-ratios',
      'cause-false_alarm',
      'cause-decapitation_misread',
      'cause-escalation_spiral',
      'cause-deliberate',
    ]);
    expect(report.out).toContain(
      '--safeguard hotline --variant trusting --set actors.north.human.automationBias=0.9</pre>',
    );
    expect(report.out).toContain(`<td>${result.scenario.hash}</td>`);
  });

  it('a scenario file is run first; unknown ids and runs without a result are input errors', async () => {
    const report = await cli(
      'report',
      'scenarios/analytic-single-sensor.yaml',
      '--runs',
      '2000',
      '--seed',
      '9',
    );
    expect(report.code).toBe(0);
    expect(report.out).toContain(
      'petrov run scenarios/analytic-single-sensor.yaml --seed 9 --runs 2000</pre>',
    );
    const missing = await cli('report', '999', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err.replace(db, '<db>')).toMatchInlineSnapshot(`
      "id: no run 999 in <db>
      "
    `);
  });
});

describe('--report on the studies', () => {
  const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
  const uncertain = [
    '--uncertain',
    'actors.solo.tracks.ballistic.falseAlarm=uniform(1, 3)',
    '--uncertain',
    'actors.solo.human.catchProbability=uniform(0.85, 0.95)',
  ];
  /** Shell words of a command line as studyCommand writes them (single quotes only). */
  const words = (line: string) =>
    [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(1);
  const unescape = (s: string) =>
    s
      .replaceAll('&quot;', '"')
      .replaceAll('&gt;', '>')
      .replaceAll('&lt;', '<')
      .replaceAll('&amp;', '&');
  const withoutTiming = (json: string) =>
    JSON.stringify(JSON.parse(json), (k, v: unknown) => (k === 'timing' ? undefined : v));

  it('sensitivity: the tornado and Sobol charts with their numbers, and a command that redoes them', async () => {
    const file = join(dir, 'sensitivity.html');
    const args = ['sensitivity', ANALYTIC, ...uncertain, '-n', '1000', '--sobol'];
    const study = await cli(
      ...args,
      '--base-points',
      '20',
      '--repetitions',
      '20',
      '--json',
      '--report',
      file,
    );
    expect(study.code).toBe(0);
    expect(study.err).toBe(`wrote ${file}\n`);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(2);
    const tornado = /data-chart="tornado">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    // Two bars per parameter, drawn from the shared chart spec.
    expect(tornado.match(/<rect/g)?.length).toBe(4);
    const sobol = /data-chart="sobol">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(sobol.match(/<circle/g)?.length).toBe(4);
    expect(html).toContain(readFileSync(ANALYTIC, 'utf8').split('\n')[0]);
    const command = unescape(/<pre data-testid="command">([^<]*)<\/pre>/.exec(html)?.[1] ?? '');
    const again = await cli(...words(command), '--json');
    expect(withoutTiming(again.out)).toBe(withoutTiming(study.out));
  });

  it('uncertainty: the band of every outcome with its table and the safeguards weighed', async () => {
    const file = join(dir, 'uncertainty.html');
    const study = await cli(
      'uncertainty',
      ANALYTIC,
      ...uncertain,
      '--parameter-sets',
      '10',
      '--repetitions',
      '100',
      '--safeguard',
      'human-in-the-loop',
      '--json',
      '--report',
      file,
    );
    expect(study.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(1);
    expect(html).toContain(
      '<td>safeguard</td><td>nuclearUse</td><td>human-in-the-loop</td><td>lowers_risk</td>',
    );
    const command = unescape(/<pre data-testid="command">([^<]*)<\/pre>/.exec(html)?.[1] ?? '');
    const again = await cli(...words(command), '--json');
    expect(withoutTiming(again.out)).toBe(withoutTiming(study.out));
  });
});
