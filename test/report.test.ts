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
