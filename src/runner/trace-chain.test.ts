import { describe, expect, it } from 'vitest';
import { loadScenarioFile, type LoadedScenario } from '../scenario/index.ts';
import { simulate } from './simulate.ts';
import { traceTrial } from './trace.ts';

function load(file: string): LoadedScenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.issues[0].message);
  return loaded.value;
}
const KOREA = load('scenarios/korean-peninsula-2026.yaml');
const chainOf = (seed: number, trial: number) => traceTrial(KOREA, seed, trial).chain.join(' → ');

describe('causalChain', () => {
  it('tells a false alarm that went through, step by step', () => {
    expect(chainOf(1, 556)).toMatchInlineSnapshot(
      `"north: ballistic track, in truth a sensor false alarm → labelled hostile by the AI (confidence 96.9%) → no veto inside the 3.0 min window → north to nuclear alert → south to nuclear alert → north: limited nuclear use, day 24.33"`,
    );
  });

  it('counts a long climb, and tells an approval and its time', () => {
    expect(chainOf(1, 594)).toMatchInlineSnapshot(
      `"south: land track, in truth genuine hostile activity → labelled hostile by the AI (confidence 94.9%) → approved by the human after 5.7 min → 7 steps up the ladder by both sides over 24.1 days, to nuclear alert → north: limited nuclear use, day 26.43"`,
    );
  });

  it('tells a decapitation misread from the outage that caused it', () => {
    expect(chainOf(3, 35)).toMatchInlineSnapshot(
      `"north loses its leadership-to-forces link for 38.7 min → read as decapitation: forces use pre-delegated authority → north: limited nuclear use, day 5.29"`,
    );
  });

  it('is empty without nuclear use', () => {
    const trace = traceTrial(KOREA, 1, 0);
    expect(trace.nuclearUse).toBe(false);
    expect(trace.chain).toEqual([]);
  });

  it('never doubles a word and always begins with its trigger, over 40 trials with use', async () => {
    const { examples } = await simulate(KOREA, { runs: 8000, seed: 2, examples: 40 });
    expect(examples.length).toBe(40);
    for (const { trial } of examples) {
      const trace = traceTrial(KOREA, 2, trial);
      const text = trace.chain.join(' → ');
      expect(text).not.toMatch(/\b(\w+) \1\b/);
      expect(trace.chain.at(-1)).toMatch(/^(north|south): limited nuclear use, day \d+\.\d\d$/);
      // A trigger was found: the fallback is the origin's bare name with the actor.
      expect(trace.chain[0]).toMatch(/track, in truth|leadership-to-forces link|disarming strike/);
    }
  });
});
