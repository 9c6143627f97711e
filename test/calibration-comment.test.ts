/** The bundled scenario's comment about its calibration says what `npm start` prints. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = new URL('../', import.meta.url);
const scenario = readFileSync(new URL('scenarios/korean-peninsula-2026.yaml', root), 'utf8');
const start = (
  JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start;

describe('the Korean scenario’s calibration comment', () => {
  it('quotes the trials and the interval `npm start` prints, and that interval holds the long run', async () => {
    const comment = scenario
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join(' ')
      .replace(/\s*#\s*/g, ' ');
    const longRun = /about [\d.]+% \(([\d.]+)% in a million trials of seed 1\)/.exec(comment);
    const quoted =
      /`npm start` stops at 5% relative error after ([\d,]+) trials of seed 1: ([\d.]+%) \[([\d.]+%), ([\d.]+%)\]/.exec(
        comment,
      );
    expect(longRun && quoted, comment).toBeTruthy();
    // `node bin/petrov.mjs run FILE --target-rel-error 0.05 --max-runs N`, run as the CLI.
    const args = start.split(' ').slice(2);
    expect(args.slice(0, 3)).toEqual([
      'run',
      'scenarios/korean-peninsula-2026.yaml',
      '--target-rel-error',
    ]);
    const { out, code } = await cli(...args, '--no-store');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[1]).toMatch(
      new RegExp(`^${quoted?.[1]} trials of 30 days, seed 1 \\(stopped at target`),
    );
    const headline = lines.find((l) => l.trimStart().startsWith('nuclear use (any cause)')) ?? '';
    expect(headline.trim().split(/ {2,}/).slice(1, 4)).toEqual([
      quoted?.[2],
      expect.stringMatching(/^± /),
      `[${quoted?.[3]}, ${quoted?.[4]}]`,
    ]);
    const [low, high] = [quoted?.[3], quoted?.[4]].map((x) => parseFloat(x ?? ''));
    const value = parseFloat(longRun?.[1] ?? '');
    expect(low).toBeLessThanOrEqual(value);
    expect(value).toBeLessThanOrEqual(high);
  });
});
