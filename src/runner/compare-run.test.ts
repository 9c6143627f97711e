import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applySafeguards, loadScenarioFile } from '../scenario/index.ts';
import { compare } from './compare-run.ts';
import type { Progress } from './simulate.ts';

const ANALYTIC = fileURLToPath(
  new URL('../../scenarios/analytic-single-sensor.yaml', import.meta.url),
);

function arms() {
  const baseline = loadScenarioFile(ANALYTIC);
  if (!baseline.ok) throw new Error('bundled scenario invalid');
  const variant = applySafeguards(baseline.value, ['confidence-threshold']);
  if (!variant.ok) throw new Error('safeguard invalid');
  return {
    baseline: baseline.value,
    variants: [
      { name: 'confidence-threshold', safeguards: ['confidence-threshold'], loaded: variant.value },
    ],
  };
}

describe('compare with a signal and progress', () => {
  it("reports the baseline's counts after every chunk", async () => {
    const { baseline, variants } = arms();
    const seen: Progress[] = [];
    const result = await compare(baseline, variants, {
      runs: 3_000,
      chunkSize: 1_000,
      seed: 5,
      onProgress: (_done, _planned, p) => seen.push(p),
    });
    expect(seen.map((p) => p.done)).toEqual([1_000, 2_000, 3_000]);
    expect(seen.every((p) => p.planned === 3_000)).toBe(true);
    const last = seen[seen.length - 1];
    expect(last.nuclearUse / last.done).toBe(result.baseline.nuclearUse.p);
    expect(last.relErr).toBe(result.baseline.nuclearUse.relErr);
  });

  it('stops between chunks once aborted, and says so', async () => {
    const { baseline, variants } = arms();
    const controller = new AbortController();
    const result = await compare(baseline, variants, {
      runs: 10_000,
      chunkSize: 1_000,
      onProgress: (done) => {
        if (done === 2_000) controller.abort();
      },
      signal: controller.signal,
    });
    expect(result.stoppedBy).toBe('aborted');
    expect(result.runs).toBe(2_000);
    expect(result.variants[0].pairs.trials).toBe(2_000);
  });
});
