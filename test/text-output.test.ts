/** Tables a person reads: one number format per column, columns apart, no doubled words. */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/runner/index.ts';
import { cli } from './helpers/cli.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';

/** The lines of the block that starts with a line beginning `title`, up to the next blank line. */
function block(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

/** Cells are separated by two or more spaces; a cell never holds two spaces running. */
const cells = (line: string) => line.trim().split(/ {2,}/);

describe('text output', () => {
  it('run: every probability of a table in percent, zeros and intervals included', async () => {
    const { out, code } = await cli('run', KOREA, '--runs', '2000', '--no-store');
    expect(code).toBe(0);
    const rows = block(out, 'Probability per crisis')
      .slice(1)
      .filter((r) => !r.includes('days to first use'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const [, estimate, stderr, interval] = cells(row);
      expect(estimate, row).toMatch(/^[\d.]+%$/);
      expect(stderr, row).toMatch(/^± [\d.]+%$/);
      expect(interval, row).toMatch(/^\[[\d.]+%, [\d.]+%\]$/);
    }
    for (const row of block(out, 'Highest rung reached').slice(2))
      for (const cell of cells(row).slice(1)) expect(cell, row).toMatch(/^[\d.]+% ± [\d.]+%$/);
    expect(out).not.toMatch(/\de-\d/);
  });

  it('compare: the columns of every row stay apart and line up under their headers', async () => {
    const { out, code } = await cli(
      'compare',
      KOREA,
      '--all',
      '--combine',
      '--runs',
      '1000',
      '--no-store',
    );
    expect(code).toBe(0);
    const effect = block(out, 'Effect against the baseline').slice(1);
    expect(cells(effect[0])).toEqual([
      'variant',
      'risk ratio [95% CI]',
      'risk reduction, pts [95% CI]',
      'std. error, pts: paired / independent',
    ]);
    const starts = (line: string) => [...line.matchAll(/(?<= {2})\S/g)].map((m) => m.index);
    for (const row of effect.slice(1)) {
      expect(cells(row), row).toHaveLength(4);
      expect(row).not.toMatch(/\]\S/);
      expect(starts(row), row).toEqual(starts(effect[0]));
    }
    const byCause = block(out, 'P(nuclear use) by cause').slice(2);
    for (const row of byCause)
      for (const cell of cells(row).slice(1)) expect(cell, row).toMatch(/^[\d.]+% ± [\d.]+%$/);
  });

  it('trace: a cause named like its origin is said once', async () => {
    const run = await cli(
      'run',
      KOREA,
      '--runs',
      '4000',
      '--examples',
      '30',
      '--json',
      '--no-store',
    );
    const examples = (JSON.parse(run.out) as RunResult).examples;
    const misread = examples.find((e) => e.origin === 'decapitation misread');
    const alarm = examples.find((e) => e.origin === 'sensor false alarm');
    expect(misread && alarm).toBeTruthy();
    const trace = async (trial: number) =>
      (await cli('trace', KOREA, '--trial', String(trial))).out.split('\n')[1];
    expect(await trace(misread?.trial ?? -1)).toMatch(/; cause: decapitation misread$/);
    expect(await trace(alarm?.trial ?? -1)).toMatch(/; cause: false alarm \(sensor false alarm\)$/);
  });

  it('trace: the causal chain is summarised under the outcome, as the JSON has it', async () => {
    const text = (await cli('trace', KOREA, '--trial', '556')).out.split('\n');
    expect(text[2]).toMatchInlineSnapshot(
      `"Chain: north: ballistic track, in truth a sensor false alarm → labelled hostile by the AI (confidence 96.9%) → no veto inside the 3.0 min window → north to nuclear alert → south to nuclear alert → north: limited nuclear use, day 24.33"`,
    );
    const json = JSON.parse((await cli('trace', KOREA, '--trial', '556', '--json')).out) as {
      chain: string[];
    };
    expect(text[2]).toBe(`Chain: ${json.chain.join(' → ')}`);
  });
});
