/**
 * Both sides of the always/never dilemma, and the mechanisms behind them, against closed forms:
 * each Wilson interval at 99.9% must contain the exact value (tolerance = sampling uncertainty).
 * - an unanswered genuine attack: missed by the classifier, dropped by the confidence threshold,
 *   or vetoed;
 * - an answer after a per-rung perception probability;
 * - a veto blocked by a comms outage of known rate and duration;
 * - a false alarm "confirmed" under launch under attack by a fallible confirmation step.
 */
import { describe, expect, it } from 'vitest';
import { Flag } from '../src/engine/index.ts';
import { normalCdf } from '../src/random/index.ts';
import { simulate } from '../src/runner/index.ts';
import { loadScenarioFile, resolveScenarioObject } from '../src/scenario/index.ts';
import {
  type ActorInput,
  duo,
  expectCovered,
  forTrials,
  instantHuman,
  MINUTES_PER_DAY,
  simulatorFor,
  solo,
  Z999,
} from './helpers/scenario.ts';

const TRIALS = 20_000;
const logit = (p: number) => Math.log(p / (1 - p));

describe('an unanswered genuine attack', () => {
  it('P = 1 − exp(−g q T), q = fn + (1 − fn)(below + (1 − below) v)', () => {
    const [g, fn, thr, c, s, v, T] = [0.5, 0.2, 0.8, 0.9, 1, 0.3, 5];
    const scenario = solo(
      {
        tracks: { ballistic: { genuine: g } },
        ai: {
          domains: ['ballistic'],
          falseNegative: { ballistic: fn },
          confidence: { correct: c, spread: s },
        },
        ...instantHuman(0.9),
        authority: { mode: 'human_in_the_loop', confidenceThreshold: thr },
        responses: { ballistic: 'conventional_incident' },
        // A stated doctrine that vetoes a share v of every alert, genuine or not.
        agent: { type: 'scripted', alert: [{ approve: 1 - v, veto: v }] },
      },
      T,
    );
    const below = normalCdf((logit(thr) - logit(c)) / s);
    const q = fn + (1 - fn) * (below + (1 - below) * v);
    let k = 0;
    forTrials(simulatorFor(scenario), 1, TRIALS, (o) => (k += o.flags[Flag.unansweredAttack]));
    expectCovered(k, TRIALS, -Math.expm1(-g * q * T), Z999);
  });

  it('an attack faster than the warning chain is never answered in time', () => {
    const scenario = solo(
      {
        tracks: { ballistic: { genuine: 1 } },
        ai: { domains: ['ballistic'], falseNegative: { ballistic: 0 } },
        ...instantHuman(0.9),
        timeToImpactMinutes: { ballistic: 4 },
        latencyMinutes: { detection: 2, processing: 3 },
        responses: { ballistic: 'conventional_incident' },
      },
      5,
    );
    let k = 0;
    forTrials(simulatorFor(scenario), 1, 2000, (o) => (k += o.flags[Flag.unansweredAttack]));
    expectCovered(k, 2000, -Math.expm1(-5), Z999);
  });
});

describe('perception by rung', () => {
  it('B answers what it perceives of A’s two steps: P(B reaches r) from p₁ and p₂', () => {
    const [p1, p2] = [0.3, 0.6];
    const scenario = duo(
      { intent: { ratePerDay: 2000, maxRung: 'conventional_incident' }, answer: 'hold' },
      {
        answer: 'match',
        perception: { probability: [0.8, p1, p2, 0.8, 0.8, 1, 1], meanDelayMinutes: 0 },
      },
      1,
      { deescalationRatePerDay: 0 },
    );
    const highest = [0, 0, 0];
    forTrials(simulatorFor(scenario), 2, TRIALS, (o) => highest[o.highestRung[1]]++);
    expectCovered(highest[2], TRIALS, p2, Z999);
    expectCovered(highest[1], TRIALS, p1 * (1 - p2), Z999);
    expectCovered(highest[0], TRIALS, (1 - p1) * (1 - p2), Z999);
  });
});

describe('answers by rung, and catching that a confident label makes harder', () => {
  it('an answer table: B holds at the rung named and matches the rest', () => {
    const scenario = (answer: ActorInput['answer']) =>
      duo(
        { intent: { ratePerDay: 2000, maxRung: 'conventional_incident' }, answer: 'hold' },
        { answer, perception: { probability: 1, meanDelayMinutes: 0 } },
        1,
        { deescalationRatePerDay: 0 },
      );
    const highest = (answer: ActorInput['answer']) => {
      const seen = new Set<number>();
      forTrials(simulatorFor(scenario(answer)), 6, 500, (o) => seen.add(o.highestRung[1]));
      return [...seen];
    };
    expect(highest('match')).toEqual([2]);
    expect(highest({ conventional_incident: 'hold', otherwise: 'match' })).toEqual([1]);
    expect(highest({ alert: 'hold', otherwise: 'match' })).toEqual([2]);
  });

  it('confidenceWeight w: the analytic scenario with catch q(1 − w c) gives 1 − exp(−l f m T)', () => {
    const [l, f, q, w, c, T] = [2, 0.05, 0.9, 0.5, 0.7, 30];
    const scenario = solo(
      {
        tracks: { ballistic: { falseAlarm: l } },
        ai: {
          domains: ['ballistic'],
          falsePositive: { ballistic: f },
          confidence: { wrong: c, spread: 0 },
        },
        ...instantHuman(q),
        human: { ...instantHuman(q).human, confidenceWeight: w },
        authority: { mode: 'human_in_the_loop', confidenceThreshold: 0 },
        responses: { ballistic: 'limited_nuclear_use' },
      },
      T,
    );
    const m = 1 - q * (1 - w * c);
    let k = 0;
    forTrials(simulatorFor(scenario), 7, TRIALS, (o) => (k += o.nuclearUse));
    expectCovered(k, TRIALS, -Math.expm1(-l * f * m * T), Z999);
  });
});

describe('a veto blocked by a comms outage', () => {
  it('P = 1 − exp(−l f T ρ / (1 + ρ)), ρ = outage rate × duration', () => {
    const [l, f, T, perDay, L] = [2, 0.5, 4, 100, 3];
    const scenario = solo(
      {
        tracks: { ballistic: { falseAlarm: l } },
        ai: { domains: ['ballistic'], falsePositive: { ballistic: f }, confidence: { spread: 0 } },
        ...instantHuman(1),
        authority: { mode: 'human_on_the_loop', confidenceThreshold: 0, vetoWindowMinutes: 2 },
        comms: {
          outageRatePerDay: perDay,
          outageDuration: { medianMinutes: L, sigma: 0 },
          decapitation: { thresholdMinutes: 1e5 },
        },
        responses: { ballistic: 'limited_nuclear_use' },
      },
      T,
    );
    const rho = (perDay / MINUTES_PER_DAY) * L;
    let k = 0;
    const n = 10_000;
    forTrials(simulatorFor(scenario), 3, n, (o) => (k += o.nuclearUse));
    expectCovered(k, n, -Math.expm1(-l * f * T * (rho / (1 + rho))), Z999);
  });
});

describe('launch under attack with a fallible confirmation', () => {
  it('a false alarm is "confirmed" with the step’s false-positive rate c: 1 − exp(−l f c T)', () => {
    const [l, f, c, T] = [2, 0.5, 0.1, 10];
    const scenario = solo(
      {
        tracks: { ballistic: { falseAlarm: l } },
        ai: { domains: ['ballistic'], falsePositive: { ballistic: f }, confidence: { spread: 0 } },
        human: { catchProbability: 0, decisionTime: { medianMinutes: 100, sigma: 0 } },
        authority: {
          mode: 'human_in_the_loop',
          confidenceThreshold: 0,
          timeoutDefault: 'launch_under_attack',
          attackConfirmation: { enabled: true, falsePositive: c, delayMinutes: 1 },
        },
        responses: { ballistic: 'limited_nuclear_use' },
      },
      T,
    );
    let k = 0;
    forTrials(simulatorFor(scenario), 4, TRIALS, (o) => (k += o.nuclearUse));
    expectCovered(k, TRIALS, -Math.expm1(-l * f * c * T), Z999);
  });

  it('without a step only impact confirms, so a false alarm never launches', () => {
    const scenario = solo(
      {
        tracks: { ballistic: { falseAlarm: 5 } },
        ai: { domains: ['ballistic'], falsePositive: { ballistic: 1 } },
        human: { catchProbability: 0, decisionTime: { medianMinutes: 100, sigma: 0 } },
        authority: { confidenceThreshold: 0, timeoutDefault: 'launch_under_attack' },
        responses: { ballistic: 'limited_nuclear_use' },
      },
      5,
    );
    let k = 0;
    forTrials(simulatorFor(scenario), 5, 2000, (o) => (k += o.nuclearUse));
    expect(k).toBe(0);
  });
});

describe('play past the first use', () => {
  it('general nuclear war is reachable on the Korean baseline, with its interval', async () => {
    const loaded = loadScenarioFile(
      new URL('../scenarios/korean-peninsula-2026.yaml', import.meta.url).pathname,
    );
    if (!loaded.ok) throw new Error('scenario');
    const r = await simulate(loaded.value, { runs: 20_000, seed: 1 });
    const war = r.outcomes.generalWar;
    expect(war).not.toBeNull();
    expect(war?.p).toBeGreaterThan(0);
    expect(war?.p).toBeLessThanOrEqual(r.outcomes.nuclearUse.p);
    expect(war?.ci95[0]).toBeGreaterThan(0);
    expect(r.outcomes.retaliation?.p).toBeGreaterThan(0);
    expect(r.outcomes.unansweredAttack?.p).toBeGreaterThan(0);
  });

  it('every use reports its root beside its trigger, each adding up to P(use)', async () => {
    const loaded = loadScenarioFile(
      new URL('../scenarios/korean-peninsula-2026.yaml', import.meta.url).pathname,
    );
    if (!loaded.ok) throw new Error('scenario');
    const r = await simulate(loaded.value, { runs: 20_000, seed: 2 });
    const o = r.outcomes;
    const sum = (x: Record<string, { p: number }>) => Object.values(x).reduce((t, e) => t + e.p, 0);
    expect(sum(o.byRootCause)).toBeCloseTo(o.nuclearUse.p, 12);
    expect(sum(o.byCause)).toBeCloseTo(o.nuclearUse.p, 12);
    // A decapitation misread strikes from a nuclear alert some other chain raised: its root is
    // that chain, so fewer uses have a misread as their root than as their trigger.
    expect(o.byCause.decapitation_misread.p).toBeGreaterThan(0);
    expect(o.byRootCause.decapitation_misread.p).toBeLessThan(o.byCause.decapitation_misread.p);
  });

  it('importance-sampled runs end at the first use and say they cannot see past it', async () => {
    const loaded = loadScenarioFile(
      new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url).pathname,
      ['actors.solo.human.catchProbability=0.9999'],
    );
    if (!loaded.ok) throw new Error('scenario');
    const r = await simulate(loaded.value, { runs: 4000, method: 'is', seed: 1 });
    expect(r.method).toBe('importance');
    expect(r.outcomes.generalWar).toBeNull();
    expect(r.outcomes.unansweredAttack).toBeNull();
  });
});

describe('a declared disarming strike', () => {
  // B sees A's strike through its warning chain (it raises B to a nuclear alert only), may perceive
  // the detonation (probability p at limited use), and retaliates through a surviving successor
  // command (s) that answers in kind, or else through pre-delegated forces once cut off.
  const strikeDuo = (
    s: number,
    p: number,
    predelegated: boolean,
    strike: ActorInput['disarmingStrike'],
  ) =>
    duo(
      { disarmingStrike: strike, answer: 'hold' },
      {
        answer: 'match',
        perception: { probability: [0.8, 0.8, 0.8, 0.8, 0.8, p, 1], meanDelayMinutes: 5 },
        comms: { survivingCommand: s, predelegation: { enabled: predelegated } },
      },
      5,
    );

  it('P(retaliated | strike) = s p + (1 − s) x, x = 1 with pre-delegation and 0 without', () => {
    const [s, p] = [0.3, 0.6];
    for (const predelegated of [false, true]) {
      let retaliated = 0;
      let strikes = 0;
      const n = 5000;
      forTrials(simulatorFor(strikeDuo(s, p, predelegated, { atDay: 1 })), 8, n, (o) => {
        strikes += o.flags[Flag.disarmingStrike];
        retaliated += o.flags[Flag.strikeRetaliated];
        expect(o.flags[Flag.strikeRetaliated]).toBe(o.flags[Flag.retaliation]);
        expect(o.user).toBe(0);
      });
      expect(strikes).toBe(n);
      expectCovered(retaliated, n, s * p + (1 - s) * (predelegated ? 1 : 0), Z999);
    }
  });

  it('a strike at a rate comes in a crisis with P = 1 − exp(−r T); it is the attacker’s deliberate use', () => {
    const [r, T] = [0.2, 5];
    let strikes = 0;
    let uses = 0;
    const n = 5000;
    forTrials(simulatorFor(strikeDuo(0, 1, false, { ratePerDay: r })), 9, n, (o) => {
      strikes += o.flags[Flag.disarmingStrike];
      uses += o.nuclearUse;
    });
    expect(uses).toBe(strikes);
    expectCovered(strikes, n, -Math.expm1(-r * T), Z999);
  });

  it('is rejected naming the field when it has no target, two timings, or a day past the horizon', () => {
    const problems = (input: Parameters<typeof resolveScenarioObject>[0]) => {
      const result = resolveScenarioObject(input);
      return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(
      problems({ name: 'x', horizonDays: 5, actors: { a: { disarmingStrike: { atDay: 1 } } } }),
    ).toEqual(['actors.a.disarmingStrike: a disarming strike needs another side']);
    expect(
      problems({
        name: 'x',
        horizonDays: 5,
        actors: { a: { disarmingStrike: { atDay: 9, ratePerDay: 1 } }, b: {} },
      }),
    ).toEqual([
      'actors.a.disarmingStrike.atDay: set either ratePerDay or atDay, not both',
      'actors.a.disarmingStrike.atDay: day 9 is not inside the crisis (horizonDays 5)',
    ]);
  });
});
