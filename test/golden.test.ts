/**
 * Golden fixed-seed outputs: every `--json` document below is pinned byte for byte (less its
 * timing), so any change in numbers is seen and must be explained in the commit that makes it.
 * `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const CAPABILITY = 'scenarios/korean-peninsula-2026-capability.yaml';
const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';

/** Each case: a file name under test/golden and the CLI arguments that produce it. */
export const GOLDEN_CASES: readonly (readonly [string, readonly string[]])[] = [
  ['run-korea', ['run', KOREA, '--runs', '4000', '--seed', '3']],
  ['run-korea-capability', ['run', CAPABILITY, '--runs', '4000', '--seed', '4']],
  ['run-analytic', ['run', ANALYTIC, '--runs', '20000', '--seed', '5']],
  ['compare-korea-all', ['compare', KOREA, '--all', '--combine', '--runs', '2000', '--seed', '6']],
  ['pathways-korea', ['pathways', KOREA, '--runs', '4000', '--seed', '7']],
  ['trace-korea', ['trace', KOREA, '--seed', '3', '--trial', '__FIRST_USE__']],
  [
    'run-analytic-is',
    [
      'run',
      ANALYTIC,
      '--set',
      'actors.solo.human.catchProbability=0.99999',
      '--method',
      'is',
      '--runs',
      '20000',
      '--pilot-trials',
      '4000',
      '--seed',
      '8',
    ],
  ],
  [
    'compare-korea-is',
    [
      'compare',
      KOREA,
      '--safeguard',
      'human-in-the-loop',
      '--method',
      'is',
      '--runs',
      '4000',
      '--pilot-trials',
      '4000',
      '--seed',
      '9',
    ],
  ],
];

/** Removes what may differ between identical runs: wall-clock timing. */
function stable(json: string): string {
  return `${JSON.stringify(stripTiming(JSON.parse(json)), null, 2)}\n`;
}

function stripTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTiming);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== 'timing') out[key] = stripTiming(v);
  return out;
}

async function produce(argv: readonly string[]): Promise<string> {
  let args = [...argv];
  if (args.includes('__FIRST_USE__')) {
    // The trace replays the first trial of run-korea that ended in nuclear use.
    const run = JSON.parse(readGolden('run-korea')) as { examples: { trial: number }[] };
    expect(run.examples.length).toBeGreaterThan(0);
    args = args.map((a) => (a === '__FIRST_USE__' ? String(run.examples[0].trial) : a));
  }
  const store = args[0] === 'run' || args[0] === 'compare' ? ['--no-store'] : [];
  const r = await cli(...args, '--json', ...store);
  expect(r.code, r.err).toBe(0);
  return stable(r.out);
}

const file = (name: string) => new URL(`./golden/${name}.json`, import.meta.url);
const readGolden = (name: string) => readFileSync(file(name), 'utf8');

describe('golden fixed-seed outputs', () => {
  for (const [name, argv] of GOLDEN_CASES) {
    it(`${name}: petrov ${argv.join(' ')}`, async () => {
      const text = await produce(argv);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file(name))) {
        writeFileSync(file(name), text);
      }
      expect(text).toBe(readGolden(name));
    });
  }
});
