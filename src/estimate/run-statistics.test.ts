import { describe, expect, it } from 'vitest';
import { duo, runStatistics } from '../../test/helpers/scenario.ts';
import {
  compileModel,
  COUNT_NAMES,
  ORIGIN_COUNT,
  TrialOutcome,
  type CompiledModel,
} from '../engine/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';
import { RunStatistics } from './run-statistics.ts';
import { summarize } from './summarize.ts';

/** Two actors where every cause of use occurs, so every field of the statistics is exercised. */
function busyModel(): CompiledModel {
  return compileModel(
    duo(
      {
        tracks: { ballistic: { falseAlarm: 3, genuine: 0.2 }, air: { benign: 2 } },
        ai: { domains: ['ballistic'] },
        answer: 'escalate',
        intent: { ratePerDay: 0.2, maxRung: 'limited_nuclear_use' },
      },
      {
        tracks: { ballistic: { falseAlarm: 2 } },
        comms: {
          outageRatePerDay: 2,
          decapitation: { misreadProbability: 0.5, minRung: 'alert' },
          predelegation: { enabled: true },
        },
        answer: 'escalate',
      },
      3,
    ),
  );
}

const SEED = 5;
const N = 3000;

/** The integer-count fields: sums of integers, exact in doubles, so merging must be exact. */
function countFields(s: RunStatistics) {
  return {
    actorCount: s.actorCount,
    trials: s.trials,
    nuclearUse: s.nuclearUse,
    byOrigin: Array.from(s.byOrigin),
    byCause: Array.from(s.byCause),
    byUser: Array.from(s.byUser),
    highestRung: Array.from(s.highestRung),
    countSum: Array.from(s.countSum),
    countSumSquares: Array.from(s.countSumSquares),
  };
}

describe('RunStatistics', () => {
  const model = busyModel();
  const whole = runStatistics(model, SEED, 0, N);

  it('the test scenario exercises every cause and both actors', () => {
    expect(whole.trials).toBe(N);
    for (let c = 0; c < CAUSES.length; c++) expect(whole.byCause[c]).toBeGreaterThan(0);
    expect(whole.byUser[0]).toBeGreaterThan(0);
    expect(whole.byUser[1]).toBeGreaterThan(0);
    expect(whole.nuclearUse).toBeLessThan(N);
  });

  it('merging two halves equals one run over all trials: every count field exactly', () => {
    for (const split of [N / 2, 1, 1777]) {
      const merged = runStatistics(model, SEED, 0, split);
      merged.merge(runStatistics(model, SEED, split, N));
      expect(countFields(merged)).toEqual(countFields(whole));
    }
  });

  it('merging is exact in any order and into empty statistics', () => {
    const parts = [
      [0, 700],
      [700, 2100],
      [2100, N],
    ].map(([from, to]) => runStatistics(model, SEED, from, to));
    const merged = new RunStatistics(model.actorCount);
    for (const p of [parts[2], parts[0], parts[1]]) merged.merge(p);
    merged.merge(new RunStatistics(model.actorCount));
    expect(countFields(merged)).toEqual(countFields(whole));
  });

  // Times are summed in whole milliseconds (squares in a bigint), so any split merges exactly.
  it('merging two halves equals one run over all trials: the time sums too', () => {
    for (const split of [1, 10, 100, 500, 1000, 1500, 1777, 2000, 2500, N - 1]) {
      const merged = runStatistics(model, SEED, 0, split);
      merged.merge(runStatistics(model, SEED, split, N));
      expect(merged.useMsSum).toBe(whole.useMsSum);
      expect(merged.useMsSumSquares).toBe(whole.useMsSumSquares);
      expect(summarize(merged, ['a', 'b'])).toEqual(summarize(whole, ['a', 'b']));
    }
  });

  it('time sums agree to rounding after a merge', () => {
    const merged = runStatistics(model, SEED, 0, 1777);
    merged.merge(runStatistics(model, SEED, 1777, N));
    expect(Math.abs(merged.useTimeSum - whole.useTimeSum)).toBeLessThanOrEqual(
      whole.useTimeSum * 1e-12,
    );
    expect(Math.abs(merged.useTimeSumSquares - whole.useTimeSumSquares)).toBeLessThanOrEqual(
      whole.useTimeSumSquares * 1e-12,
    );
  });

  it('adds one outcome as documented', () => {
    const stats = new RunStatistics(2);
    const o = new TrialOutcome(2);
    o.nuclearUse = 1;
    o.time = 120;
    o.origin = 4; // decapitation misread
    o.user = 1;
    o.highestRung.set([2, 5]);
    o.counts[0] = 3;
    stats.add(o);
    const none = new TrialOutcome(2);
    none.time = 1440;
    none.counts[0] = 2;
    stats.add(none);
    expect(stats.trials).toBe(2);
    expect(stats.nuclearUse).toBe(1);
    expect(Array.from(stats.byOrigin)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(stats.byCause[CAUSES.indexOf('decapitation_misread')]).toBe(1);
    expect(Array.from(stats.byUser)).toEqual([0, 1]);
    // Actor 0: rung 2 once and stable once; actor 1: rung 5 once and stable once.
    const R = RUNGS.length;
    expect(stats.highestRung[0 * R + 2]).toBe(1);
    expect(stats.highestRung[0 * R + 0]).toBe(1);
    expect(stats.highestRung[1 * R + 5]).toBe(1);
    expect(stats.highestRung[1 * R + 0]).toBe(1);
    expect(stats.countSum[0]).toBe(5);
    expect(stats.countSumSquares[0]).toBe(13);
    // Only trials with use enter the time sums.
    expect(stats.useTimeSum).toBe(120);
    expect(stats.useTimeSumSquares).toBe(14400);
  });
});

describe('summarize', () => {
  const model = busyModel();
  const ids = ['a', 'b'];

  it('has one entry per cause, origin, actor, rung and count, all plain data', () => {
    const stats = runStatistics(model, SEED, 0, 1000);
    const s = summarize(stats, ids);
    expect(Object.keys(s.byCause)).toEqual([...CAUSES]);
    // One entry per origin but `none`, in code order (the key names are the formatter's business).
    expect(Object.keys(s.byOrigin)).toHaveLength(ORIGIN_COUNT - 1);
    expect(Object.keys(s.firstUse)).toEqual(ids);
    expect(Object.keys(s.highestRung)).toEqual(ids);
    for (const id of ids) expect(Object.keys(s.highestRung[id])).toEqual([...RUNGS]);
    expect(Object.keys(s.counts)).toEqual([...COUNT_NAMES]);
    // Serialises to JSON and back unchanged.
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('estimates match the counts they come from', () => {
    const stats = runStatistics(model, SEED, 0, 1000);
    const s = summarize(stats, ids);
    expect(s.nuclearUse.p).toBe(stats.nuclearUse / 1000);
    CAUSES.forEach((c, i) => expect(s.byCause[c].p).toBe(stats.byCause[i] / 1000));
    expect(Object.values(s.byOrigin).map((e) => e.p)).toEqual(
      Array.from(stats.byOrigin.slice(1), (k) => k / 1000),
    );
    ids.forEach((id, a) => expect(s.firstUse[id].p).toBe(stats.byUser[a] / 1000));
    expect(s.counts.tracks.mean).toBe(stats.countSum[0] / 1000);
    expect(s.daysToUse?.mean).toBeCloseTo(stats.useTimeSum / stats.nuclearUse / 1440, 12);
    for (const e of [s.nuclearUse, ...Object.values(s.byCause)]) {
      expect(e.ci95[0]).toBeLessThanOrEqual(e.p);
      expect(e.p).toBeLessThanOrEqual(e.ci95[1]);
    }
  });

  it('has no days to use and null relative errors when nothing happened', () => {
    const s = summarize(new RunStatistics(2), ids);
    expect(s.daysToUse).toBeNull();
    expect(s.nuclearUse).toEqual({ p: 0, stderr: 0, ci95: [0, 1], relErr: null });
    expect(s.counts.events).toEqual({ mean: 0, stderr: 0, ci95: [0, 0] });

    const quiet = new RunStatistics(2);
    quiet.add(new TrialOutcome(2));
    const q = summarize(quiet, ids);
    expect(q.daysToUse).toBeNull();
    expect(q.nuclearUse.p).toBe(0);
    expect(q.nuclearUse.relErr).toBeNull();
    expect(q.nuclearUse.ci95[0]).toBe(0);
    expect(q.highestRung.a.stable.p).toBe(1);
  });
});

describe('RunStatistics JSON', () => {
  it('round-trips exactly', () => {
    const model = busyModel();
    const stats = runStatistics(model, 5, 0, 500);
    const back = RunStatistics.fromJSON(JSON.parse(JSON.stringify(stats.toJSON())));
    expect(back.toJSON()).toEqual(stats.toJSON());
  });
});
