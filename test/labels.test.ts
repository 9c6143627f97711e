/** Runs you can tell apart: --label, safeguards, overrides and what-ifs in every list. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSummaryRow } from '../src/store/index.ts';
import { cli } from './helpers/cli.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--label', () => {
  it('is stored and listed with the safeguards, overrides and what-ifs of each run', async () => {
    const db = join(dir, 'labels.db');
    const small = ['--runs', '300', '--db', db];
    expect(
      (await cli('run', KOREA, ...small, '--label', 'baseline, 20 days', '--set', 'horizonDays=20'))
        .code,
    ).toBe(0);
    expect((await cli('run', KOREA, ...small, '--safeguard', 'hotline')).code).toBe(0);
    const compared = await cli(
      'compare',
      KOREA,
      ...small,
      '--label',
      'trust',
      '--safeguard',
      'hotline',
      '--variant',
      'trusting',
      '--set',
      'actors.north.human.automationBias=0.9',
    );
    expect(compared.code).toBe(0);

    const listed = await cli('runs', 'list', '--db', db, '--json');
    const rows = (JSON.parse(listed.out) as { runs: RunSummaryRow[] }).runs;
    expect(rows.map((r) => [r.label, r.safeguards, r.sets, r.whatIfs])).toEqual([
      ['trust', ['hotline'], [], ['trusting: actors.north.human.automationBias=0.9']],
      [null, ['hotline'], [], []],
      ['baseline, 20 days', [], ['horizonDays=20'], []],
    ]);
    const text = (await cli('runs', 'list', '--db', db)).out.split('\n');
    const described = text.map((l) => l.split(/ {2,}/).at(-1));
    expect(described.slice(0, 4)).toEqual([
      'what was run',
      '"trust" · Korean peninsula 2026 (stylized) · safeguards hotline · variant trusting: actors.north.human.automationBias=0.9',
      'Korean peninsula 2026 (stylized) · safeguards hotline',
      '"baseline, 20 days" · Korean peninsula 2026 (stylized) · --set horizonDays=20',
    ]);
    const shown = await cli('runs', 'show', rows[2].id, '--db', db);
    expect(shown.out).toMatch(/^Run \d+ "baseline, 20 days": run, done; Petrov /);
  });

  it('is one line of at most 200 characters', async () => {
    const result = await cli('run', KOREA, '--label', 'two\nlines', '--no-store');
    expect(result.code).toBe(2);
    expect(result.err).toMatchInlineSnapshot(`
      "error: option '--label <text>' argument 'two
      lines' is invalid. expected 1 to 200 characters on one line
      (add --help for usage)
      "
    `);
  });
});
