import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applySafeguards, loadScenarioFile } from '../scenario/index.ts';
import { compare } from './compare-run.ts';
import { simulate } from './simulate.ts';
import { WorkerPool } from './worker-pool.ts';

const ANALYTIC = fileURLToPath(
  new URL('../../scenarios/analytic-single-sensor.yaml', import.meta.url),
);
const withoutTiming = <T extends { timing: unknown }>({ timing: _t, ...rest }: T) => rest;

describe('offThread: one worker thread instead of this one', () => {
  const loaded = loadScenarioFile(ANALYTIC);
  if (!loaded.ok) throw new Error('bundled scenario invalid');
  const baseline = loaded.value;

  it('gives the same run, and stops on a signal', async () => {
    const options = { runs: 3_000, seed: 9, chunkSize: 1_000 };
    const here = await simulate(baseline, options);
    const there = await simulate(baseline, { ...options, offThread: true });
    expect(withoutTiming(there)).toEqual(withoutTiming(here));
    const controller = new AbortController();
    controller.abort();
    const aborted = await simulate(baseline, {
      ...options,
      offThread: true,
      signal: controller.signal,
    });
    expect(aborted.stoppedBy).toBe('aborted');
    expect(aborted.runs).toBeLessThan(3_000);
  });

  it('gives the same comparison', async () => {
    const hotline = applySafeguards(baseline, ['hotline']);
    if (!hotline.ok) throw new Error('safeguard invalid');
    const variants = [{ name: 'hotline', safeguards: ['hotline'], loaded: hotline.value }];
    const options = { runs: 2_000, seed: 4, chunkSize: 500 };
    const here = await compare(baseline, variants, options);
    const there = await compare(baseline, variants, { ...options, offThread: true });
    expect(withoutTiming(there)).toEqual(withoutTiming(here));
  });
});

describe('a shared worker pool, kept across runs', () => {
  const loaded = loadScenarioFile(ANALYTIC);
  if (!loaded.ok) throw new Error('bundled scenario invalid');
  const baseline = loaded.value;

  it('gives the same runs, comparisons and importance-sampled runs, and restarts after close', async () => {
    const pool = new WorkerPool(2);
    try {
      const options = { runs: 3_000, seed: 9, chunkSize: 500 };
      const here = withoutTiming(await simulate(baseline, options));
      expect(withoutTiming(await simulate(baseline, { ...options, pool }))).toEqual(here);
      // A second run on the same threads, with another scenario cached in them meanwhile.
      const hotline = applySafeguards(baseline, ['hotline']);
      if (!hotline.ok) throw new Error('safeguard invalid');
      const variants = [{ name: 'hotline', safeguards: ['hotline'], loaded: hotline.value }];
      const compared = await compare(baseline, variants, { ...options, pool });
      expect(withoutTiming(compared)).toEqual(
        withoutTiming(await compare(baseline, variants, options)),
      );
      expect(withoutTiming(await simulate(baseline, { ...options, pool }))).toEqual(here);
      const is = { ...options, method: 'is' as const, pilotTrials: 5_000 };
      expect(withoutTiming(await simulate(baseline, { ...is, pool }))).toEqual(
        withoutTiming(await simulate(baseline, is)),
      );
      await pool.close();
      expect(withoutTiming(await simulate(baseline, { ...options, pool }))).toEqual(here);
    } finally {
      await pool.close();
    }
  });
});
