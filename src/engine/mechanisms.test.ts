/**
 * Focused checks of each mechanism (docs/model.md) on tiny inline scenarios with fixed seeds.
 *
 * Where a mechanism has a closed form, the test asks whether the Wilson interval of the simulated
 * proportion contains it. This file makes a few dozen such checks, so the intervals are 99.9% (z =
 * 3.29) rather than 95%: with a correct engine, a change of seed or RNG then fails some check in
 * this file with probability of a few percent rather than most of the time. Where the engine's
 * rules fix the answer trial by trial (an identity between counts, an event time), the test checks
 * it exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  duo,
  expectCovered,
  forTrials,
  instantHuman,
  interval,
  MINUTES_PER_DAY,
  simulatorFor,
  solo,
  traced,
  Z999,
  type ActorInput,
  type RecordedEvent,
} from '../../test/helpers/scenario.ts';
import { resolveScenarioObject, RUNGS, type Rung, type TimeoutDefault } from '../scenario/index.ts';
import { causeOf, Count, DecisionOutcome, Flag, Origin, TraceKind } from './codes.ts';
import type { Simulator } from './simulator.ts';

const SEED = 20260611;
const rung = (r: Rung) => RUNGS.indexOf(r);
const closedForm = (ratePerDay: number, days: number) => 1 - Math.exp(-ratePerDay * days);

/** How many of trials 0..n-1 ended in nuclear use. */
function useCount(sim: Simulator, n: number, seed = SEED): number {
  let k = 0;
  forTrials(sim, seed, n, (o) => (k += o.nuclearUse));
  return k;
}

/** Every count summed over trials 0..n-1 (indexed by `Count`). */
function countSums(sim: Simulator, n: number, seed = SEED): Float64Array {
  const sums = new Float64Array(Count.events + 1);
  forTrials(sim, seed, n, (o) => o.counts.forEach((c, i) => (sums[i] += c)));
  return sums;
}

const first = (events: RecordedEvent[], pred: (e: RecordedEvent) => boolean) => events.find(pred);

/**
 * One actor whose ballistic false alarms (l per day) the AI labels hostile with probability f, with
 * fixed confidence, a threshold of 0 and an instant human who catches with probability `catches`;
 * a ballistic response of limited nuclear use. Tests override groups with spreads.
 */
function sensor(l: number, f: number, catches: number): ActorInput {
  return {
    tracks: { ballistic: { falseAlarm: l } },
    ai: { domains: ['ballistic'], falsePositive: { ballistic: f }, confidence: { spread: 0 } },
    ...instantHuman(catches),
    responses: { ballistic: 'limited_nuclear_use' },
  };
}

// -------------------------------------------------------------------------------------------------
describe('M2 confirmation by a second phenomenology (common cause c)', () => {
  /** Every false alarm labelled hostile; the response (alert) does not end the trial. */
  const confirmed = (c: number, fp2: number): ActorInput => ({
    ...sensor(20, 1, 0),
    confirmation: { enabled: true, commonCause: c, falsePositive: fp2, latencyMinutes: 0 },
    responses: { ballistic: 'alert' },
  });

  for (const [c, fp2] of [
    [0.3, 0.2],
    [0.1, 0.05],
    [0, 0.5],
    [0.8, 0],
  ]) {
    const pass = c + (1 - c) * fp2;
    it(`c=${c} fp2=${fp2}: P(reach decision | wrong label) = c + (1 - c) fp2 = ${pass.toFixed(3)}`, () => {
      const sums = countSums(simulatorFor(solo(confirmed(c, fp2), 1)), 2500);
      const n = sums[Count.falseHostileLabels];
      const k = sums[Count.falseAlarmsReachingDecision];
      expect(n).toBeGreaterThan(40_000);
      expect(sums[Count.belowThreshold]).toBe(0);
      expect(sums[Count.confirmationRejections]).toBe(n - k);
      expectCovered(k, n, pass, Z999);
    });
  }

  it('c = 1 passes every wrong label; c = 0 and fp2 = 0 passes none (exactly)', () => {
    const all = countSums(simulatorFor(solo(confirmed(1, 0), 1)), 300);
    expect(all[Count.falseAlarmsReachingDecision]).toBe(all[Count.falseHostileLabels]);
    const none = countSums(simulatorFor(solo(confirmed(0, 0), 1)), 300);
    expect(none[Count.falseHostileLabels]).toBeGreaterThan(0);
    expect(none[Count.falseAlarmsReachingDecision]).toBe(0);
  });

  it('a genuine track is confirmed with probability 1 - fn2, whatever the common cause', () => {
    const actor: ActorInput = {
      tracks: { ballistic: { genuine: 20 } },
      ai: { domains: ['ballistic'], falseNegative: { ballistic: 0 }, confidence: { spread: 0 } },
      ...instantHuman(0),
      confirmation: { enabled: true, commonCause: 0.9, falseNegative: 0.3, latencyMinutes: 0 },
      responses: { ballistic: 'alert' },
    };
    const sums = countSums(simulatorFor(solo(actor, 1)), 1500);
    expect(sums[Count.falseHostileLabels]).toBe(0);
    expectCovered(sums[Count.confirmationRejections], sums[Count.hostileLabels], 0.3, Z999);
  });

  it('end to end: P(use) = 1 - exp(-l f (c + (1 - c) fp2) m T)', () => {
    const [l, f, c, fp2, catches, T] = [2, 0.5, 0.3, 0.2, 0.5, 1];
    const actor: ActorInput = {
      ...sensor(l, f, catches),
      confirmation: { enabled: true, commonCause: c, falsePositive: fp2, latencyMinutes: 0 },
    };
    const n = 20_000;
    const rate = l * f * (c + (1 - c) * fp2) * (1 - catches);
    expectCovered(useCount(simulatorFor(solo(actor, T)), n), n, closedForm(rate, T), Z999);
  });

  it('does nothing in a domain it does not cover', () => {
    const actor: ActorInput = {
      ...confirmed(0, 0),
      confirmation: { enabled: true, domains: ['air'], commonCause: 0, falsePositive: 0 },
    };
    const sums = countSums(simulatorFor(solo(actor, 1)), 200);
    expect(sums[Count.confirmationRejections]).toBe(0);
    expect(sums[Count.falseAlarmsReachingDecision]).toBe(sums[Count.falseHostileLabels]);
  });
});

// -------------------------------------------------------------------------------------------------
describe('M2 confidence threshold', () => {
  it('with spread 0, a threshold above `wrong` drops every false alarm (and lets genuine through)', () => {
    const actor: ActorInput = {
      tracks: { ballistic: { falseAlarm: 20, genuine: 1 } },
      ai: {
        domains: ['ballistic'],
        falsePositive: { ballistic: 1 },
        falseNegative: { ballistic: 0 },
        confidence: { correct: 0.9, wrong: 0.7, spread: 0 },
      },
      ...instantHuman(0),
      authority: { confidenceThreshold: 0.75 },
      responses: { ballistic: 'limited_nuclear_use' },
    };
    let labels = 0;
    let genuineUses = 0;
    forTrials(simulatorFor(solo(actor, 1)), SEED, 500, (o) => {
      labels += o.counts[Count.falseHostileLabels];
      expect(o.counts[Count.belowThreshold]).toBe(o.counts[Count.falseHostileLabels]);
      expect(o.counts[Count.falseAlarmsReachingDecision]).toBe(0);
      if (o.nuclearUse === 1) {
        genuineUses++;
        expect(o.origin).toBe(Origin.genuineIncident);
      }
    });
    expect(labels).toBeGreaterThan(5000);
    expect(genuineUses).toBeGreaterThan(100);

    // A threshold above `correct` drops the genuine labels too.
    const blind = solo({ ...actor, authority: { confidenceThreshold: 0.95 } }, 1);
    expect(useCount(simulatorFor(blind), 500)).toBe(0);
  });

  // With spread s, P(pass | wrong) = 1 - Φ((logit θ - logit wrong) / s).
  const logit = (p: number) => Math.log(p / (1 - p));
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const PHI_1 = 0.8413447460685429; // Φ(1)
  for (const { name, theta, pass } of [
    { name: 'θ = wrong', theta: 0.7, pass: 0.5 },
    { name: 'θ one spread above wrong', theta: sigmoid(logit(0.7) + 1.5), pass: 1 - PHI_1 },
  ]) {
    it(`with spread 1.5, ${name}: P(pass | wrong) = ${pass.toPrecision(4)}`, () => {
      const actor: ActorInput = {
        ...sensor(20, 1, 0),
        ai: {
          domains: ['ballistic'],
          falsePositive: { ballistic: 1 },
          confidence: { wrong: 0.7, spread: 1.5 },
        },
        authority: { confidenceThreshold: theta },
        responses: { ballistic: 'alert' },
      };
      const sums = countSums(simulatorFor(solo(actor, 1)), 1500);
      const n = sums[Count.falseHostileLabels];
      expect(sums[Count.belowThreshold]).toBe(n - sums[Count.falseAlarmsReachingDecision]);
      expectCovered(sums[Count.falseAlarmsReachingDecision], n, pass, Z999);
    });
  }
});

// -------------------------------------------------------------------------------------------------
describe('M3 autonomous mode', () => {
  /** A human who would catch everything and take forever: autonomy must ignore both. */
  const autonomous = (latency: number): ActorInput => ({
    ...sensor(3, 0.2, 1),
    authority: { mode: 'autonomous', confidenceThreshold: 0 },
    human: { catchProbability: 1, decisionTime: { medianMinutes: 1000, sigma: 0 } },
    latencyMinutes: { detection: latency, processing: 0 },
  });

  it('acts on every hostile label: use exactly when a label was hostile', () => {
    const sim = simulatorFor(solo(autonomous(0), 2));
    let k = 0;
    const n = 20_000;
    forTrials(sim, SEED, n, (o) => {
      expect(o.nuclearUse).toBe(o.counts[Count.hostileLabels] > 0 ? 1 : 0);
      expect(o.counts[Count.humanOverrides]).toBe(0);
      expect(o.counts[Count.doctrineDefaults]).toBe(0);
      k += o.nuclearUse;
    });
    expectCovered(k, n, closedForm(3 * 0.2, 2), Z999);
  });

  it('the action lands at arrival + delay, never waiting for a human', () => {
    const sim = simulatorFor(solo(autonomous(2), 2));
    let checked = 0;
    for (let t = 0; t < 300; t++) {
      const { outcome, events } = traced(sim, SEED, t);
      if (outcome.nuclearUse === 0) continue;
      const label = first(events, (e) => e.kind === TraceKind.labelHostile);
      const decision = first(events, (e) => e.kind === TraceKind.decision);
      expect(decision?.x).toBe(DecisionOutcome.autonomous);
      expect(outcome.time).toBe((label?.time ?? NaN) + 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

// -------------------------------------------------------------------------------------------------
describe('M3 human on the loop: a veto only inside V = min(veto window, window)', () => {
  const onTheLoop = (
    decide: number,
    veto: number,
    timeToImpact: number,
    timeoutDefault: TimeoutDefault = 'launch_on_warning',
  ): ActorInput => ({
    ...sensor(3, 0.5, 0.6),
    authority: {
      mode: 'human_on_the_loop',
      confidenceThreshold: 0,
      vetoWindowMinutes: veto,
      timeoutDefault,
    },
    human: { catchProbability: 0.6, decisionTime: { medianMinutes: decide, sigma: 0 } },
    timeToImpactMinutes: { ballistic: timeToImpact },
  });
  const n = 20_000;

  it('a human inside the veto window vetoes with the catch probability; action at t + V', () => {
    const sim = simulatorFor(solo(onTheLoop(1, 2, 30), 1));
    expectCovered(useCount(sim, n), n, closedForm(3 * 0.5 * 0.4, 1), Z999);
    for (let t = 0; t < 200; t++) {
      const { outcome, events } = traced(sim, SEED, t);
      if (outcome.nuclearUse === 0) continue;
      const approved = first(
        events,
        (e) => e.kind === TraceKind.decision && e.x === DecisionOutcome.approved,
      );
      expect(outcome.time).toBe((approved?.time ?? NaN) + 2);
    }
  });

  for (const { why, decide, veto, tti, lands } of [
    { why: 'the veto window closes first', decide: 3, veto: 2, tti: 30, lands: 2 },
    { why: 'the decision window closes first', decide: 3, veto: 10, tti: 2.5, lands: 2.5 },
  ]) {
    it(`no veto when ${why}: launch on warning acts on every hostile label, at t + ${lands}`, () => {
      const sim = simulatorFor(solo(onTheLoop(decide, veto, tti), 1));
      let k = 0;
      forTrials(sim, SEED, n, (o) => {
        expect(o.counts[Count.humanOverrides]).toBe(0);
        k += o.nuclearUse;
      });
      expectCovered(k, n, closedForm(3 * 0.5, 1 - lands / MINUTES_PER_DAY), Z999);
      for (let t = 0; t < 100; t++) {
        const { outcome, events } = traced(sim, SEED, t);
        const decision = first(events, (e) => e.kind === TraceKind.decision);
        if (decision) expect(decision.x).toBe(DecisionOutcome.vetoWindowLapsed);
        if (outcome.nuclearUse === 1) expect(outcome.time).toBe((decision?.time ?? NaN) + lands);
      }
    });
  }

  it('a lapsed veto window leaves the call to the doctrine default: ride out acts on none', () => {
    const sim = simulatorFor(solo(onTheLoop(3, 2, 30, 'ride_out'), 1));
    forTrials(sim, SEED, 2000, (o) => {
      expect(o.nuclearUse).toBe(0);
      expect(o.counts[Count.doctrineDefaults]).toBe(o.counts[Count.falseAlarmsReachingDecision]);
    });
  });
});

// -------------------------------------------------------------------------------------------------
describe('M3 doctrine defaults when the human is slower than the window', () => {
  /** Decision time 10 against a window of 5; the human would catch every wrong label in time. */
  const slow = (timeoutDefault: TimeoutDefault, tracks: ActorInput['tracks']): ActorInput => ({
    ...sensor(0, 0.5, 1),
    tracks,
    ai: {
      domains: ['ballistic'],
      falsePositive: { ballistic: 0.5 },
      falseNegative: { ballistic: 0.25 },
      confidence: { spread: 0 },
    },
    authority: {
      mode: 'human_in_the_loop',
      confidenceThreshold: 0,
      timeoutDefault,
    },
    human: { catchProbability: 1, decisionTime: { medianMinutes: 10, sigma: 0 } },
    timeToImpactMinutes: { ballistic: 5 },
  });
  const falseAlarms = { ballistic: { falseAlarm: 3 } };
  const genuine = { ballistic: { genuine: 1 } };
  const n = 20_000;
  /** Every hostile label acts, landing at t + W = t + 5 (so within T - 5 minutes). */
  const allAct = (ratePerDay: number) => closedForm(ratePerDay, 1 - 5 / MINUTES_PER_DAY);

  it('launch_on_warning acts on a false alarm, landing at t + W', () => {
    const sim = simulatorFor(solo(slow('launch_on_warning', falseAlarms), 1));
    let k = 0;
    forTrials(sim, SEED, n, (o) => {
      expect(o.counts[Count.doctrineDefaults]).toBe(o.counts[Count.hostileLabels]);
      expect(o.counts[Count.humanOverrides]).toBe(0);
      k += o.nuclearUse;
    });
    expectCovered(k, n, allAct(3 * 0.5), Z999);
    for (let t = 0; t < 100; t++) {
      const { outcome, events } = traced(sim, SEED, t);
      const decision = first(events, (e) => e.kind === TraceKind.decision);
      if (decision) expect(decision.x).toBe(DecisionOutcome.timeoutAct);
      if (outcome.nuclearUse === 1) expect(outcome.time).toBe((decision?.time ?? NaN) + 5);
    }
  });

  it('launch_on_warning and launch_under_attack both act on a genuine attack', () => {
    for (const doctrine of ['launch_on_warning', 'launch_under_attack'] as const) {
      const sim = simulatorFor(solo(slow(doctrine, genuine), 1));
      let k = 0;
      forTrials(sim, SEED, n, (o) => {
        k += o.nuclearUse;
        if (o.nuclearUse === 1) expect(causeOf(o.origin)).toBe('escalation_spiral');
      });
      expectCovered(k, n, allAct(1 * 0.75), Z999);
    }
  });

  it('launch_under_attack holds on a false alarm; ride_out holds on everything', () => {
    const cases = [
      slow('launch_under_attack', falseAlarms),
      slow('ride_out', falseAlarms),
      slow('ride_out', genuine),
    ];
    for (const actor of cases) {
      const sums = countSums(simulatorFor(solo(actor, 1)), 2000);
      expect(sums[Count.doctrineDefaults]).toBeGreaterThan(500);
      expect(useCount(simulatorFor(solo(actor, 1)), 2000)).toBe(0);
    }
  });

  it('a human inside the window decides: the doctrine is never consulted', () => {
    const actor: ActorInput = {
      ...slow('launch_on_warning', falseAlarms),
      human: { catchProbability: 1, decisionTime: { medianMinutes: 4, sigma: 0 } },
    };
    const sim = simulatorFor(solo(actor, 1));
    const sums = countSums(sim, 2000);
    expect(sums[Count.doctrineDefaults]).toBe(0);
    expect(sums[Count.humanOverrides]).toBe(sums[Count.falseAlarmsReachingDecision]);
    expect(useCount(sim, 2000)).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
describe('M5 decapitation misread', () => {
  /** At nuclear alert; outages of exactly 60 minutes at `rate` per day; threshold 30. */
  const cut = (rate: number, misread: number, extra: ActorInput['comms'] = {}): ActorInput => ({
    initialRung: 'nuclear_alert',
    comms: {
      outageRatePerDay: rate,
      outageDuration: { medianMinutes: 60, sigma: 0 },
      decapitation: { thresholdMinutes: 30, minRung: 'nuclear_alert', misreadProbability: misread },
      ...extra,
    },
  });
  const predelegated = { predelegation: { enabled: true, rung: 'limited_nuclear_use' as const } };

  it('with pre-delegation to a nuclear rung: use 30 minutes into the first outage', () => {
    // With misread probability 1, the first outage is use if it starts before T - 30 minutes.
    const T = 2;
    const sim = simulatorFor(solo(cut(1, 1, predelegated), T));
    let k = 0;
    const n = 20_000;
    forTrials(sim, SEED, n, (o) => {
      k += o.nuclearUse;
      if (o.nuclearUse === 1) {
        expect(o.origin).toBe(Origin.decapitationMisread);
        expect(causeOf(o.origin)).toBe('decapitation_misread');
      }
    });
    expectCovered(k, n, closedForm(1, T - 30 / MINUTES_PER_DAY), Z999);
    for (let t = 0; t < 100; t++) {
      const { outcome, events } = traced(sim, SEED, t);
      const start = first(events, (e) => e.kind === TraceKind.outageStart);
      if (outcome.nuclearUse === 1) expect(outcome.time).toBe((start?.time ?? NaN) + 30);
    }
  });

  it('without pre-delegation, or pre-delegation to a non-nuclear rung: misreads but no use', () => {
    const variants = [
      cut(2, 1),
      cut(2, 1, { predelegation: { enabled: true, rung: 'nuclear_alert' } }),
      // Pre-delegation switched off: its rung is ignored.
      cut(2, 1, { predelegation: { enabled: false, rung: 'general_nuclear_war' } }),
    ];
    for (const actor of variants) {
      const sim = simulatorFor(solo(actor, 2));
      expect(countSums(sim, 500)[Count.decapitationMisreads]).toBeGreaterThan(500);
      expect(useCount(sim, 500)).toBe(0);
    }
  });

  it('misreads only at or above minRung, and only for outages longer than the threshold', () => {
    const below = { ...cut(4, 1, predelegated), initialRung: 'conventional_strike' as const };
    const short = cut(4, 1, { ...predelegated, outageDuration: { medianMinutes: 30, sigma: 0 } });
    for (const actor of [below, short]) {
      const sim = simulatorFor(solo(actor, 2));
      const sums = countSums(sim, 500);
      expect(sums[Count.outages]).toBeGreaterThan(1000);
      expect(sums[Count.decapitationMisreads]).toBe(0);
      expect(useCount(sim, 500)).toBe(0);
    }
  });

  it('a long outage is misread with misreadProbability', () => {
    const sim = simulatorFor(solo(cut(4, 0.3), 1));
    let checks = 0;
    let misreads = 0;
    for (let t = 0; t < 3000; t++) {
      const { outcome, events } = traced(sim, SEED, t);
      // Each outage is checked 30 minutes in, if that is before the horizon.
      checks += events.filter(
        (e) => e.kind === TraceKind.outageStart && e.time + 30 < sim.model.horizon,
      ).length;
      misreads += outcome.counts[Count.decapitationMisreads];
    }
    expect(checks).toBeGreaterThan(5000);
    expectCovered(misreads, checks, 0.3, Z999);
  });
});

// -------------------------------------------------------------------------------------------------
describe('M4 escalation spiral between two actors', () => {
  /** Actor a sees genuine air activity (1/day), always labels it hostile and responds at 2. */
  const initiator = (answer: ActorInput['answer'], extra: ActorInput = {}): ActorInput => ({
    tracks: { air: { genuine: 1 } },
    legacy: { falseNegative: { air: 0 } },
    ...instantHuman(0),
    responses: { air: 'conventional_incident' },
    answer,
    perception: { probability: 1, meanDelayMinutes: 0 },
    ...extra,
  });
  const answerer = (answer: ActorInput['answer'], extra: ActorInput = {}): ActorInput => ({
    answer,
    perception: { probability: 1, meanDelayMinutes: 0 },
    ...extra,
  });

  it('two escalating actors climb 2, 3, 4, 5, 6: the answerer uses first, the initiator ends it in general war', () => {
    const sim = simulatorFor(duo(initiator('escalate'), answerer('escalate'), 1));
    const n = 10_000;
    let k = 0;
    forTrials(sim, SEED, n, (o) => {
      // With no delays the first genuine track runs the whole spiral at once.
      expect(o.nuclearUse).toBe(o.counts[Count.tracks] > 0 ? 1 : 0);
      if (o.nuclearUse === 1) {
        expect(o.user).toBe(1);
        expect(o.origin).toBe(Origin.genuineIncident);
        expect(causeOf(o.origin)).toBe('escalation_spiral');
      }
      k += o.nuclearUse;
    });
    expectCovered(k, n, closedForm(1, 1), Z999);

    const trial = [...Array(50).keys()].find((t) => sim.run(SEED, t).nuclearUse === 1) ?? -1;
    const { events } = traced(sim, SEED, trial);
    const climbs = events
      .filter((e) => e.kind === TraceKind.rungChange)
      .map((e) => [e.actor, e.x, e.y, e.z]);
    const g = Origin.genuineIncident;
    expect(climbs).toEqual([
      [0, 0, 2, g],
      [1, 0, 3, g],
      [0, 2, 4, g],
      [1, 3, 5, g],
      [0, 4, 6, g],
    ]);
    // The first use goes on: the initiator perceives it, escalates, and that is general war.
    const o = sim.run(SEED, trial);
    expect(o.flags[Flag.generalWar]).toBe(1);
    expect(o.flags[Flag.retaliation]).toBe(1);
    expect(o.generalWarTime).toBe(o.time);
  });

  it('the origin survives the spiral: a false alarm that spirals is cause false_alarm', () => {
    const a: ActorInput = {
      ...initiator('escalate'),
      tracks: { air: { falseAlarm: 2 } },
      legacy: { falsePositive: { air: 1 } },
    };
    let uses = 0;
    forTrials(simulatorFor(duo(a, answerer('escalate'), 1)), SEED, 500, (o) => {
      if (o.nuclearUse === 1) {
        uses++;
        expect(o.origin).toBe(Origin.sensorFalseAlarm);
        expect(causeOf(o.origin)).toBe('false_alarm');
      }
    });
    expect(uses).toBeGreaterThan(300);
  });

  it('perception probability p thins the spiral: the answerer must perceive twice, P = p^2', () => {
    // The initiator always perceives; the answerer perceives each rise with probability p, and a
    // rise it misses ends the spiral (later tracks find the initiator already at its response).
    const p = 0.6;
    const b = answerer('escalate', { perception: { probability: p, meanDelayMinutes: 0 } });
    const sim = simulatorFor(duo(initiator('escalate'), b, 1));
    const n = 20_000;
    expectCovered(useCount(sim, n), n, closedForm(1, 1) * p * p, Z999);
  });

  it('perception delays: use when the track plus three exponential delays fit in T', () => {
    // Track at E ~ Exp(g); three perceptions with mean delay μ each: use iff E + Gamma(3, μ) < T.
    const mu = 120;
    const g = 1 / MINUTES_PER_DAY;
    const T = MINUTES_PER_DAY;
    const a = initiator('escalate', { perception: { probability: 1, meanDelayMinutes: mu } });
    const b = answerer('escalate', { perception: { probability: 1, meanDelayMinutes: mu } });
    const gammaCdf = (x: number) => {
      const y = x / mu;
      return 1 - Math.exp(-y) * (1 + y + (y * y) / 2);
    };
    // P = ∫_0^T g e^{-g t} F(T - t) dt by Simpson's rule (smooth integrand: error far below 1e-9).
    const steps = 2000;
    const h = T / steps;
    let integral = 0;
    for (let i = 0; i <= steps; i++) {
      const t = i * h;
      const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
      integral += w * g * Math.exp(-g * t) * gammaCdf(T - t);
    }
    const exact = (integral * h) / 3;
    const n = 20_000;
    expectCovered(useCount(simulatorFor(duo(a, b, 1)), n), n, exact, Z999);
  });

  it('match stops at the perceived rung; hold stays; a cap below nuclear use stops the spiral', () => {
    const cases: { a: ActorInput; b: ActorInput; highest: [number, number] }[] = [
      { a: initiator('match'), b: answerer('match'), highest: [2, 2] },
      { a: initiator('escalate'), b: answerer('hold'), highest: [2, 0] },
      { a: initiator('escalate'), b: answerer('deescalate'), highest: [2, 0] },
      {
        a: initiator('escalate', { maxAnswerRung: 'nuclear_alert' }),
        b: answerer('escalate', { maxAnswerRung: 'nuclear_alert' }),
        highest: [4, 4],
      },
    ];
    for (const { a, b, highest } of cases) {
      forTrials(simulatorFor(duo(a, b, 1)), SEED, 300, (o) => {
        expect(o.nuclearUse).toBe(0);
        const expected = o.counts[Count.tracks] > 0 ? highest : [0, 0];
        expect(Array.from(o.highestRung)).toEqual(expected);
      });
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('M4/M7 deliberate escalation', () => {
  it('a deliberate step into nuclear use is cause deliberate', () => {
    const actor: ActorInput = {
      initialRung: 'nuclear_alert',
      intent: { ratePerDay: 0.5, maxRung: 'limited_nuclear_use' },
    };
    const sim = simulatorFor(solo(actor, 2));
    const n = 20_000;
    let k = 0;
    forTrials(sim, SEED, n, (o) => {
      k += o.nuclearUse;
      if (o.nuclearUse === 1) {
        expect(o.origin).toBe(Origin.deliberate);
        expect(causeOf(o.origin)).toBe('deliberate');
        expect(o.counts[Count.deliberateSteps]).toBe(1);
      }
    });
    expectCovered(k, n, closedForm(0.5, 2), Z999);
  });

  it('deliberate steps stop at intent.maxRung (default conventional_strike)', () => {
    const sim = simulatorFor(solo({ intent: { ratePerDay: 5 } }, 3));
    let reachedCap = 0;
    forTrials(sim, SEED, 500, (o) => {
      expect(o.nuclearUse).toBe(0);
      expect(o.highestRung[0]).toBe(o.counts[Count.deliberateSteps]);
      expect(o.highestRung[0]).toBeLessThanOrEqual(rung('conventional_strike'));
      if (o.highestRung[0] === rung('conventional_strike')) reachedCap++;
    });
    expect(reachedCap).toBeGreaterThan(450);
  });
});

// -------------------------------------------------------------------------------------------------
describe('M4 de-escalation and the hotline', () => {
  /** P(the actor at alert has stepped down by T) = 1 - exp(-δ T). */
  const stepDownShare = (ladder: Parameters<typeof solo>[2], n: number) => {
    const sim = simulatorFor(solo({ initialRung: 'alert' }, 1, ladder));
    let k = 0;
    for (let t = 0; t < n; t++) {
      const { events } = traced(sim, SEED, t);
      if (events.some((e) => e.kind === TraceKind.rungChange && e.y < e.x)) k++;
    }
    return k;
  };
  const n = 10_000;

  it('without a hotline the actor steps down at the de-escalation rate', () => {
    const k = stepDownShare({ deescalationRatePerDay: 0.5 }, n);
    expectCovered(k, n, closedForm(0.5, 1), Z999);
  });

  it('a hotline multiplies the de-escalation rate', () => {
    const on = {
      deescalationRatePerDay: 0.5,
      hotline: { enabled: true, deescalationMultiplier: 3 },
    };
    expectCovered(stepDownShare(on, n), n, closedForm(1.5, 1), Z999);
  });

  it('a disabled hotline changes nothing, exactly', () => {
    const off = {
      deescalationRatePerDay: 0.5,
      hotline: { enabled: false, deescalationMultiplier: 3 },
    };
    expect(stepDownShare(off, 2000)).toBe(stepDownShare({ deescalationRatePerDay: 0.5 }, 2000));
  });
});

// -------------------------------------------------------------------------------------------------
describe('initial rung', () => {
  it('is where each actor starts, and the highest rung when nothing happens', () => {
    const sim = simulatorFor(
      duo({ initialRung: 'conventional_strike' }, { initialRung: 'alert' }, 1),
    );
    const { outcome, events } = traced(sim, SEED, 0);
    expect(outcome.highestRung).toEqual([rung('conventional_strike'), rung('alert')]);
    expect(events.map((e) => e.kind)).toEqual([TraceKind.horizon]);
  });

  it('sets the track-rate multiplier from the start (the higher of the two rungs)', () => {
    // b's false alarms at 1/day, times 4 because a starts at conventional_strike.
    const ladder = { trackRateMultiplier: [1, 1, 1, 4, 1, 1, 1] };
    const sim = simulatorFor(
      duo({ initialRung: 'conventional_strike' }, sensor(1, 0.5, 0.5), 1, ladder),
    );
    const n = 20_000;
    expectCovered(useCount(sim, n), n, closedForm(4 * 1 * 0.5 * 0.5, 1), Z999);
  });

  it('a response at or below the current rung is moot', () => {
    const actor: ActorInput = {
      ...sensor(20, 1, 0),
      initialRung: 'nuclear_alert',
      responses: { ballistic: 'conventional_incident' },
    };
    const { outcome, events } = traced(simulatorFor(solo(actor, 1)), SEED, 0);
    expect(events.filter((e) => e.kind === TraceKind.rungChange)).toEqual([]);
    expect(events.filter((e) => e.kind === TraceKind.responseMoot).length).toBeGreaterThan(5);
    expect(outcome.highestRung).toEqual([rung('nuclear_alert')]);
  });

  it('cannot be nuclear use: validation rejects it', () => {
    for (const initialRung of ['limited_nuclear_use', 'general_nuclear_war']) {
      const input = { name: 'x', horizonDays: 1, actors: { solo: { initialRung } } };
      const result = resolveScenarioObject(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['actors.solo.initialRung']);
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('legacy chain where the AI does not cover the domain', () => {
  it('uses legacy error rates, a human in the loop and no automation bias', () => {
    // The AI covers ballistic only; air false alarms go to the legacy chain, whose false-positive
    // rate (0.3) applies, not the AI's (0.9). Autonomy and automation bias must both be ignored.
    const actor: ActorInput = {
      tracks: { air: { falseAlarm: 2 } },
      ai: { domains: ['ballistic'], falsePositive: { air: 0.9 } },
      legacy: { falsePositive: { air: 0.3 } },
      authority: { mode: 'autonomous', confidenceThreshold: 0 },
      human: {
        catchProbability: 0.6,
        automationBias: 0.9,
        decisionTime: { medianMinutes: 0, sigma: 0 },
      },
      responses: { air: 'limited_nuclear_use' },
    };
    const sim = simulatorFor(solo(actor, 1));
    const n = 20_000;
    let k = 0;
    let overrides = 0;
    forTrials(sim, SEED, n, (o) => {
      expect(o.counts[Count.automationBiasDeferrals]).toBe(0);
      overrides += o.counts[Count.humanOverrides];
      k += o.nuclearUse;
    });
    expect(overrides).toBeGreaterThan(0);
    expectCovered(k, n, closedForm(2 * 0.3 * 0.4, 1), Z999);
    const { events } = traced(sim, SEED, 0);
    for (const e of events.filter((x) => x.kind === TraceKind.labelHostile)) expect(e.z).toBe(0);
  });

  it('the same settings in an AI domain do defer to the machine', () => {
    const actor: ActorInput = {
      ...sensor(2, 0.3, 0.6),
      human: {
        catchProbability: 0.6,
        automationBias: 0.9,
        decisionTime: { medianMinutes: 0, sigma: 0 },
      },
    };
    const sim = simulatorFor(solo(actor, 1));
    expect(countSums(sim, 2000)[Count.automationBiasDeferrals]).toBeGreaterThan(0);
    const n = 20_000;
    expectCovered(useCount(sim, n), n, closedForm(2 * 0.3 * (1 - 0.6 * 0.1), 1), Z999);
  });
});

// -------------------------------------------------------------------------------------------------
describe('monotonicity on common random numbers (same seed, same trials)', () => {
  /**
   * One actor whose every response is nuclear use, so the first response to land ends the trial
   * and no rung change alters any rate before that. Then, trial by trial, the streams stay aligned
   * up to the first landing in either variant: arrivals and classification do not depend on the
   * decision, and each human decision consumes the same decision draws (time, then U) whatever its
   * result. That makes these comparisons exact per trial, not just on average.
   */
  const rich = (over: ActorInput): ActorInput => ({
    tracks: {
      ballistic: { falseAlarm: 4, benign: 2, genuine: 0.05 },
      air: { falseAlarm: 3, benign: 3 },
      naval: { falseAlarm: 2 },
    },
    ai: {
      domains: ['ballistic', 'air'],
      falsePositive: { ballistic: 0.3, air: 0.2 },
      confidence: { spread: 1 },
    },
    legacy: { falsePositive: { naval: 0.2 } },
    confirmation: { enabled: true, domains: ['air'], latencyMinutes: 1 },
    authority: { mode: 'human_in_the_loop', timeoutDefault: 'launch_under_attack' },
    human: {
      catchProbability: 0.8,
      adequateTimeMinutes: 10,
      decisionTime: { medianMinutes: 2, sigma: 0.8 },
    },
    timeToImpactMinutes: { ballistic: 6, air: 20, naval: 30 },
    latencyMinutes: { detection: 0.5, processing: 0.5 },
    responses: {
      ballistic: 'limited_nuclear_use',
      air: 'limited_nuclear_use',
      naval: 'general_nuclear_war',
    },
    ...over,
  });
  const N = 4000;

  /** Per-trial (use, time) over trials 0..N-1. */
  const outcomes = (actor: ActorInput) => {
    const out: { use: number; time: number }[] = [];
    forTrials(simulatorFor(solo(actor, 1)), SEED, N, (o) =>
      out.push({ use: o.nuclearUse, time: o.time }),
    );
    return out;
  };

  it('raising automation bias never lowers risk: trial by trial, use only earlier or added', () => {
    const human = (b: number): ActorInput['human'] => ({
      catchProbability: 0.8,
      automationBias: b,
      adequateTimeMinutes: 10,
      decisionTime: { medianMinutes: 2, sigma: 0.8 },
    });
    // Higher bias turns some overrides into approvals (same U, smaller q) and nothing else.
    const runs = [0, 0.25, 0.5, 1].map((b) => outcomes(rich({ human: human(b) })));
    for (let i = 1; i < runs.length; i++) {
      const [low, high] = [runs[i - 1], runs[i]];
      for (let t = 0; t < N; t++) {
        expect(high[t].use).toBeGreaterThanOrEqual(low[t].use);
        expect(high[t].time).toBeLessThanOrEqual(low[t].time);
      }
    }
    const uses = runs.map((r) => r.filter((x) => x.use === 1).length);
    expect(uses[3]).toBeGreaterThan(uses[0]);
  });

  it('a human in the loop is never riskier than autonomy: trial by trial', () => {
    // Autonomy acts on the first hostile label that passes M2, at t + D; in the loop the same
    // label or a later one acts, at t + D + H or t + D + W: later or not at all.
    const loop = outcomes(rich({}));
    const auto = outcomes(
      rich({ authority: { mode: 'autonomous', timeoutDefault: 'launch_under_attack' } }),
    );
    for (let t = 0; t < N; t++) {
      expect(auto[t].use).toBeGreaterThanOrEqual(loop[t].use);
      expect(auto[t].time).toBeLessThanOrEqual(loop[t].time);
    }
    expect(auto.filter((x) => x.use).length).toBeGreaterThan(loop.filter((x) => x.use).length);
  });

  /**
   * Confirmation draws one more classification uniform per hostile label, which shifts the later
   * classification draws of the trial (docs/model.md, "Reproducibility and random streams"), and
   * its latency moves the landing times. So the variants are not coupled trial by trial and the
   * comparison is statistical: 99.9% intervals, treating the two runs as independent samples
   * (common random numbers only correlate them positively, which makes this conservative).
   */
  const falseAlarmRisk = (confirmation: ActorInput['confirmation'], n: number) => {
    const actor: ActorInput = { ...sensor(3, 0.3, 0.5), confirmation };
    let k = 0;
    forTrials(simulatorFor(solo(actor, 1)), SEED, n, (o) => {
      if (o.nuclearUse === 1 && causeOf(o.origin) === 'false_alarm') k++;
    });
    return k;
  };

  it('enabling confirmation lowers the risk of false-alarm use', () => {
    const n = 20_000;
    const off = interval(falseAlarmRisk({ enabled: false }, n), n, Z999);
    const on = interval(falseAlarmRisk({ enabled: true, commonCause: 0.1 }, n), n, Z999);
    expect(on[1]).toBeLessThan(off[0]);
  });

  it('a confirmation that passes all or nearly all labels does not raise the risk significantly', () => {
    const n = 20_000;
    const kOff = falseAlarmRisk({ enabled: false }, n);
    for (const [c, fp2] of [
      [1, 0],
      [0, 1],
      [0.5, 0.9],
    ]) {
      const kOn = falseAlarmRisk(
        { enabled: true, commonCause: c, falsePositive: fp2, latencyMinutes: 0 },
        n,
      );
      const [pOn, pOff] = [kOn / n, kOff / n];
      const se = Math.sqrt((pOn * (1 - pOn)) / n + (pOff * (1 - pOff)) / n);
      expect(pOn - pOff, `c=${c} fp2=${fp2}: ${pOn} vs ${pOff}`).toBeLessThanOrEqual(Z999 * se);
    }
  });

  it('two actors: automation bias raises risk (not coupled trial by trial, so by intervals)', () => {
    // Non-nuclear responses change rungs and so rates, which breaks the per-trial coupling.
    const actor = (b: number): ActorInput => ({
      ...sensor(3, 0.3, 0.8),
      human: {
        catchProbability: 0.8,
        automationBias: b,
        decisionTime: { medianMinutes: 0, sigma: 0 },
      },
      responses: { ballistic: 'nuclear_alert' },
      answer: 'escalate',
      perception: { probability: 1, meanDelayMinutes: 10 },
    });
    const n = 10_000;
    const risk = (b: number) => useCount(simulatorFor(duo(actor(b), actor(b), 1)), n);
    const low = interval(risk(0), n, Z999);
    const high = interval(risk(0.8), n, Z999);
    expect(high[0]).toBeGreaterThan(low[1]);
  });
});
