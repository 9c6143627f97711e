/**
 * Issue 6, determinism at scale: the same numbers from any number of workers, any chunking, and
 * any split into shards merged back (the JSON is compared byte for byte, timing aside).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compare,
  partChecksum,
  pathways,
  simulate,
  type RunPartFile,
  type RunResult,
} from '../src/runner/index.ts';
import { applySafeguards, loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';
import { cli } from './helpers/cli.ts';

const KOREA = fileURLToPath(new URL('../scenarios/korean-peninsula-2026.yaml', import.meta.url));

function load(file: string): LoadedScenario {
  const result = loadScenarioFile(file);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The result as JSON without its wall-clock section. */
function withoutTiming(result: RunResult | string): string {
  const parsed: RunResult = typeof result === 'string' ? (JSON.parse(result) as RunResult) : result;
  return JSON.stringify({ ...parsed, timing: undefined });
}

describe('workers and chunks', () => {
  const loaded = load(KOREA);

  it('1 and 2 workers, and several chunk sizes, give byte-identical results', async () => {
    const reference = withoutTiming(await simulate(loaded, { runs: 6_000, seed: 4 }));
    for (const options of [{ workers: 2 }, { workers: 2, chunkSize: 1000 }, { chunkSize: 3333 }]) {
      const result = await simulate(loaded, { runs: 6_000, seed: 4, ...options });
      expect(withoutTiming(result), JSON.stringify(options)).toBe(reference);
    }
  }, 120_000);

  it('a target relative error stops at the same trial on 1 or 2 workers', async () => {
    const options = { seed: 2, targetRelError: 0.2, maxRuns: 200_000 };
    const one = await simulate(loaded, options);
    const two = await simulate(loaded, { ...options, workers: 2 });
    expect(one.stoppedBy).toBe('target');
    expect(withoutTiming(two)).toBe(withoutTiming(one));
  }, 120_000);
});

describe('compare on workers', () => {
  it('gives the same paired estimates on 1 and 2 workers', async () => {
    const baseline = load(KOREA);
    const applied = applySafeguards(baseline, ['hotline']);
    if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
    const variants = [{ name: 'hotline', safeguards: ['hotline'], loaded: applied.value }];
    const options = { runs: 4000, seed: 3, chunkSize: 1000 };
    const one = await compare(baseline, variants, options);
    const two = await compare(baseline, variants, { ...options, workers: 2 });
    expect(JSON.stringify({ ...two, timing: undefined })).toBe(
      JSON.stringify({ ...one, timing: undefined }),
    );
  }, 120_000);
});

describe('pathways on workers', () => {
  it('finds the same paths, counts and example trials on 1 and 2 workers', async () => {
    const loaded = load(KOREA);
    const [one, two] = await Promise.all(
      [1, 2].map((workers) => pathways(loaded, { runs: 12_000, seed: 4, top: 50, workers })),
    );
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.pathways.length).toBeGreaterThan(1);
  });
});

describe('shards and merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petrov-shards-'));
  const part = (name: string) => join(dir, name);

  async function shard(i: number, n: number, file: string, ...extra: string[]) {
    const result = await cli(
      'run',
      KOREA,
      '-n',
      '9000',
      '--chunk-size',
      '1000',
      '--shard',
      `${i}/${n}`,
      '--out',
      file,
      ...extra,
    );
    expect(result.code, result.err).toBe(0);
  }

  it('3 shards merged are byte-identical to the single run', async () => {
    for (const i of [0, 1, 2]) await shard(i, 3, part(`p${i}.json`));
    const merged = await cli('merge', part('p2.json'), part('p0.json'), part('p1.json'), '--json');
    expect(merged.code, merged.err).toBe(0);
    const single = await cli('run', KOREA, '-n', '9000', '--chunk-size', '1000', '--json');
    expect(withoutTiming(merged.out)).toBe(withoutTiming(single.out));
  }, 120_000);

  it('refuses mismatched seeds, scenarios, missing and repeated shards, naming the mismatch', async () => {
    await shard(0, 2, part('a0.json'));
    await shard(1, 2, part('a1.json'), '--seed', '9');
    await shard(1, 2, part('b1.json'), '--set', 'horizonDays=20');
    const seed = await cli('merge', part('a0.json'), part('a1.json'));
    expect(seed.code).toBe(2);
    expect(seed.err).toContain(`${part('a1.json')}: seed 9 differs from ${part('a0.json')}'s 1`);
    const hash = await cli('merge', part('a0.json'), part('b1.json'));
    expect(hash.code).toBe(2);
    expect(hash.err).toContain('scenario hash');
    const missing = await cli('merge', part('a0.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('shard 1/2 is missing');
    const repeated = await cli('merge', part('a0.json'), part('a0.json'));
    expect(repeated.err).toContain('shard 0/2 also given in');
    // A part another version wrote: its checksum is right, its version not ours.
    const version = JSON.parse(readFileSync(part('a0.json'), 'utf8')) as RunPartFile;
    const other = { ...version, version: '0.0.0', shard: { index: 1, count: 2 } };
    writeFileSync(part('v1.json'), JSON.stringify({ ...other, checksum: partChecksum(other) }));
    const versions = await cli('merge', part('a0.json'), part('v1.json'));
    expect(versions.code).toBe(2);
    expect(versions.err).toContain('version "0.0.0" differs');
    writeFileSync(part('junk.json'), '{ not json');
    expect((await cli('merge', part('junk.json'))).code).toBe(2);
  }, 120_000);

  it('--shard needs --out, and cannot stop at a target', async () => {
    const noOut = await cli('run', KOREA, '--shard', '0/2');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--shard: needs --out FILE');
    const bad = await cli('run', KOREA, '--shard', '2/2', '--out', part('x.json'));
    expect(bad.code).toBe(2);
    const target = await cli(
      'run',
      KOREA,
      '--shard',
      '0/2',
      '--out',
      part('y.json'),
      '--target-rel-error',
      '0.1',
    );
    expect(target.err).toContain('cannot stop at a target');
  });
});
