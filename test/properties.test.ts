/**
 * Invariants of the engine and the estimates over random valid two-actor scenarios (fast-check,
 * fixed seeds): whatever the parameters, the clock never runs backwards, a trial ends exactly at
 * its first nuclear use, causes add up, every probability is a probability, and a trial is a pure
 * function of (model, seed, trial index).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causeOf, compileModel, Flag, TraceKind } from '../src/engine/index.ts';
import { RunStatistics, summarize, type ProportionEstimate } from '../src/estimate/index.ts';
import {
  ANSWERS,
  AUTHORITY_MODES,
  CAUSES,
  DOMAINS,
  fieldReferenceMarkdown,
  NUCLEAR_USE_RUNG,
  RUNGS,
  TIMEOUT_DEFAULTS,
  type ScenarioInput,
} from '../src/scenario/index.ts';
import {
  resolve,
  simulatorFor,
  snapshot,
  traced,
  type ActorInput,
  type RecordedEvent,
} from './helpers/scenario.ts';

// ---------------------------------------------------------------------------------------------
// Arbitraries: every field of a two-actor scenario, in modest ranges so trials stay short.

/**
 * A number in [min, max]: mostly spread evenly over the range (fast-check's own doubles crowd near
 * zero, which would leave most scenarios silent), sometimes exactly at a bound.
 */
const num = (min: number, max: number) =>
  fc
    .oneof(
      { arbitrary: fc.noBias(fc.integer({ min: 0, max: 1 << 20 })), weight: 6 },
      { arbitrary: fc.constantFrom(0, 1 << 20), weight: 1 },
    )
    .map((i) => min + ((max - min) * i) / (1 << 20));
const prob = num(0, 1);
/** Confidence medians are open (0, 1). */
const openProb = num(0.01, 0.99);
const rung = fc.constantFrom(...RUNGS);
/** Starting at a nuclear rung is a separate question (see the mechanisms tests). */
const startRung = fc.constantFrom(...RUNGS.slice(0, NUCLEAR_USE_RUNG));
const domains = fc.subarray([...DOMAINS]);
const perDomain = <T>(arb: fc.Arbitrary<T>) =>
  fc.record({ ballistic: arb, air: arb, naval: arb, land: arb });
const classifier = {
  falsePositive: perDomain(prob),
  falseNegative: perDomain(prob),
  confidence: fc.record({ correct: openProb, wrong: openProb, spread: num(0, 3) }),
};

/** n probabilities summing to 1 (all zero draws give the first choice certainty). */
const shares = (n: number) =>
  fc.array(prob, { minLength: n, maxLength: n }).map((xs) => {
    const sum = xs.reduce((a, b) => a + b, 0);
    return sum > 0 ? xs.map((x) => x / sum) : xs.map((_, i) => (i === 0 ? 1 : 0));
  });
const ordered = <T>(arb: fc.Arbitrary<T>, rank: (x: T) => number) =>
  fc.tuple(arb, arb).map(([a, b]): [T, T] => (rank(a) <= rank(b) ? [a, b] : [b, a]));
const whenArb = fc.record(
  {
    ownRung: ordered(rung, (r) => RUNGS.indexOf(r)),
    perceivedRung: ordered(rung, (r) => RUNGS.indexOf(r)),
    confidence: ordered(prob, (x) => x),
    windowMinutes: ordered(num(0, 60), (x) => x),
    domains: fc.subarray([...DOMAINS], { minLength: 1 }),
    byAi: fc.boolean(),
    confirmed: fc.boolean(),
    linkUp: fc.boolean(),
  },
  { requiredKeys: [] },
);
const rows = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });
/** The built-in doctrine, or a scripted table at any of the three decision points. */
const agentArb = fc.oneof(
  fc.constant({ type: 'doctrine' as const }),
  fc.record(
    {
      type: fc.constant('scripted' as const),
      alert: rows(
        fc
          .record({ when: whenArb, p: shares(3), minutes: num(0, 10) })
          .map(({ when, p, minutes }) => ({
            when,
            approve: p[0],
            veto: p[1],
            defer: p[2],
            minutes,
          })),
      ),
      rise: rows(
        fc.record({ when: whenArb, p: shares(4) }).map(({ when, p }) => ({
          when,
          match: p[0],
          escalate: p[1],
          hold: p[2],
          deescalate: p[3],
        })),
      ),
      outage: rows(
        fc
          .record({ when: whenArb, p: shares(2) })
          .map(({ when, p }) => ({ when, act: p[0], hold: p[1] })),
      ),
    },
    { requiredKeys: ['type'] },
  ),
);

const actorArb: fc.Arbitrary<ActorInput> = fc.record({
  initialRung: startRung,
  sensitivity: num(0, 2),
  tracks: perDomain(fc.record({ genuine: num(0, 1), benign: num(0, 3), falseAlarm: num(0, 3) })),
  timeToImpactMinutes: perDomain(num(0, 60)),
  latencyMinutes: fc.record({ detection: num(0, 5), processing: num(0, 5) }),
  ai: fc.record({ domains, ...classifier }),
  legacy: fc.record(classifier),
  confirmation: fc.record({
    enabled: fc.boolean(),
    domains,
    falsePositive: prob,
    falseNegative: prob,
    commonCause: prob,
    latencyMinutes: num(0, 5),
  }),
  authority: fc.record({
    mode: fc.constantFrom(...AUTHORITY_MODES),
    confidenceThreshold: prob,
    vetoWindowMinutes: num(0, 10),
    minimumDecisionMinutes: num(0, 10),
    timeoutDefault: fc.constantFrom(...TIMEOUT_DEFAULTS),
    attackConfirmation: fc.record({
      enabled: fc.boolean(),
      falsePositive: prob,
      falseNegative: prob,
      delayMinutes: num(0, 10),
    }),
  }),
  human: fc.record({
    catchProbability: prob,
    automationBias: prob,
    adequateTimeMinutes: num(0, 30),
    confidenceWeight: prob,
    decisionTime: fc.record({ medianMinutes: num(0, 10), sigma: num(0, 1.5) }),
  }),
  responses: perDomain(rung),
  answer: fc.oneof(
    fc.constantFrom(...ANSWERS),
    fc.record(
      {
        ...Object.fromEntries(RUNGS.map((r) => [r, fc.constantFrom(...ANSWERS)])),
        otherwise: fc.constantFrom(...ANSWERS),
      },
      { requiredKeys: [] },
    ),
  ),
  maxAnswerRung: rung,
  perception: fc.record({
    probability: fc.oneof(prob, fc.array(prob, { minLength: 7, maxLength: 7 })),
    meanDelayMinutes: fc.oneof(num(0, 120), fc.array(num(0, 120), { minLength: 7, maxLength: 7 })),
  }),
  comms: fc.record({
    outageRatePerDay: num(0, 4),
    jammingMultiplier: num(0, 3),
    outageDuration: fc.record({ medianMinutes: num(0, 60), sigma: num(0, 2) }),
    decapitation: fc.record({
      thresholdMinutes: num(0, 60),
      minRung: rung,
      misreadProbability: prob,
    }),
    predelegation: fc.record({ enabled: fc.boolean(), rung }),
    survivingCommand: prob,
    rungWithoutPredelegation: startRung,
  }),
  intent: fc.record({ ratePerDay: num(0, 1), maxRung: rung }),
  coincidence: fc.record({
    windowMinutes: num(0, 120),
    confidenceBoost: num(0, 4),
    responseSteps: fc.integer({ min: 0, max: 6 }),
  }),
  // At a rate, or on a day inside the shortest generated horizon (0.01 days).
  disarmingStrike: fc.oneof(
    fc.record({ ratePerDay: num(0, 1) }),
    fc.record({ atDay: num(0, 0.009) }),
  ),
  agent: agentArb,
});

const sevenMultipliers = fc.array(num(0, 3), { minLength: RUNGS.length, maxLength: RUNGS.length });

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  name: fc.constant('random'),
  horizonDays: num(0.01, 3),
  intensity: num(0, 2),
  ladder: fc.record({
    trackRateMultiplier: sevenMultipliers,
    outageRateMultiplier: sevenMultipliers,
    deescalationRatePerDay: num(0, 3),
    hotline: fc.record({
      enabled: fc.boolean(),
      deescalationMultiplier: num(0, 4),
      clarifyProbability: prob,
      latencyMinutes: num(0, 20),
    }),
  }),
  actors: fc.record({ a: actorArb, b: actorArb }),
});

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
/** Scenarios per property: each runs several trials. */
const RUNS = 150;
/** A property takes about a second; cap the shrinking of a failure so it reports in reasonable time. */
const LIMITS = { interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true };

// ---------------------------------------------------------------------------------------------

function isNonNegativeInteger(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

/** Every ProportionEstimate inside a summary, with its path. */
function proportions(value: unknown, path = ''): [string, ProportionEstimate][] {
  if (value === null || typeof value !== 'object') return [];
  if ('p' in value && 'ci95' in value) return [[path, value as ProportionEstimate]];
  return Object.entries(value).flatMap(([k, v]) => proportions(v, `${path}.${k}`));
}

/**
 * Fields the generator leaves alone, and why: display text, safeguards (patches tested in
 * test/safeguards.test.ts), M6 training blocks (they replace the AI rates the generator sets;
 * test/capability-scenario.test.ts) and uncertainty ranges (they change no model;
 * src/scenario/uncertainty.test.ts).
 */
const NOT_GENERATED = [
  /^description$/,
  /^actors\.<actor>\.label$/,
  /^actors\.<actor>\.ai\.training\./,
  /^safeguards\./,
  /^uncertainty\./,
  // Read by calibration and the per-year figures only; the engine never sees it.
  /^crisesPerYear$/,
  // A language model cannot answer inside the engine's loop, and a policy table comes from
  // eliciting one: test/llm and test/agents/policy.test.ts (the agent contract) cover them.
  /^actors\.<actor>\.agent\.(model|baseUrl|apiKeyEnv|temperature|seed|maxTokens|timeoutSeconds|retries|persona|doctrine|onFailure|mode|replicates|source|situations)\b/,
  // The delegation game's declaration changes no model (petrov game applies it; test/game.test.ts).
  /^game\./,
];

/** Leaf field paths of the schema, as the field reference names them (`<actor>`, `<domain>`). */
function schemaLeaves(): string[] {
  const paths = fieldReferenceMarkdown()
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.slice(3, l.indexOf('`', 3)));
  const leaves = paths.filter(
    (p) => !paths.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[`))),
  );
  return [...new Set(leaves)];
}

/** Leaf paths of a generated scenario, named as the schema names them. */
function leavesOf(value: unknown, path: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    const rowsOfObjects =
      value.length > 0 &&
      value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    if (rowsOfObjects) for (const v of value) leavesOf(v, `${path}[]`, out);
    else out.add(path);
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.add(path);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const name =
      path === 'actors'
        ? '<actor>'
        : (DOMAINS as readonly string[]).includes(key)
          ? '<domain>'
          : key;
    leavesOf(v, path === '' ? name : `${path}.${name}`, out);
  }
}

describe('engine invariants over random two-actor scenarios', () => {
  it('the generator covers every field of the schema (or says why not)', () => {
    const generated = new Set<string>();
    for (const input of fc.sample(scenarioArb, { seed: 1002, numRuns: 300 })) {
      leavesOf(input, '', generated);
    }
    const missing = schemaLeaves().filter(
      (p) => !generated.has(p) && !NOT_GENERATED.some((r) => r.test(p)),
    );
    expect(missing).toEqual([]);
  });

  it('validates every generated scenario (the generator stays inside the schema)', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expect(() => resolve(input)).not.toThrow();
      }),
      { seed: 1001, numRuns: 200 },
    );
  });

  it('the clock never runs backwards; a trial records its first use and ends at general war or the horizon', () => {
    let uses = 0;
    let quiet = 0;
    fc.assert(
      fc.property(scenarioArb, seedArb, (input, seed) => {
        const scenario = resolve(input);
        const model = compileModel(scenario);
        const sim = simulatorFor(scenario);
        const horizon = model.horizon;
        for (let trial = 0; trial < 8; trial++) {
          const { outcome, events } = traced(sim, seed, trial);
          expect(events.length).toBeGreaterThan(0);

          // One plain scan (an expect per event would dominate the run time).
          const backwards = events.findIndex(
            (e, i) =>
              !Number.isFinite(e.time) ||
              e.time < (i === 0 ? 0 : events[i - 1].time) ||
              e.time > horizon,
          );
          expect(backwards, `event ${backwards} of ${JSON.stringify(events)}`).toBe(-1);

          const last = events[events.length - 1];
          const useEvents = events.filter((e) => e.kind === TraceKind.nuclearUse);
          const horizonEvents = events.filter((e) => e.kind === TraceKind.horizon);
          const war = outcome.flags[Flag.generalWar] === 1;
          if (outcome.nuclearUse === 1) {
            uses++;
            // One first use; the crisis plays on to general war (its last event) or the horizon.
            expect(useEvents).toHaveLength(1);
            const use = useEvents[0];
            expect(outcome.time).toBe(use.time);
            expect(outcome.time).toBeLessThan(horizon);
            expect(use.actor).toBe(outcome.user);
            expect(use.x).toBeGreaterThanOrEqual(NUCLEAR_USE_RUNG);
            expect(use.y).toBe(outcome.origin);
            expect(outcome.user === 0 || outcome.user === 1).toBe(true);
            expect(outcome.origin).toBeGreaterThanOrEqual(1);
            expect(CAUSES).toContain(causeOf(outcome.origin));
            expect(outcome.highestRung[outcome.user]).toBeGreaterThanOrEqual(NUCLEAR_USE_RUNG);
            // The rung change into use comes just before the use.
            const change = events[events.indexOf(use) - 1];
            expect(change.kind).toBe(TraceKind.rungChange);
            expect(change.actor).toBe(outcome.user);
            expect(change.y).toBe(use.x);
            // No event before the first use is at a use rung.
            const earlier = events.slice(0, events.indexOf(use) - 1);
            expect(
              earlier.some((e) => e.kind === TraceKind.rungChange && e.y >= NUCLEAR_USE_RUNG),
            ).toBe(false);
            if (war) {
              // The move to general war is the last change (a jump straight there is also the first use).
              expect(horizonEvents).toHaveLength(0);
              const changes = events.filter((e) => e.kind === TraceKind.rungChange);
              const final = changes[changes.length - 1];
              expect(final.y).toBe(RUNGS.length - 1);
              expect(outcome.generalWarTime).toBe(final.time);
              expect(last.time).toBe(final.time);
              expect(outcome.generalWarTime).toBeGreaterThanOrEqual(outcome.time);
            } else {
              expect(last.kind).toBe(TraceKind.horizon);
              expect(outcome.generalWarTime).toBe(horizon);
            }
          } else {
            quiet++;
            expect(useEvents).toHaveLength(0);
            expect(horizonEvents).toHaveLength(1);
            expect(last.kind).toBe(TraceKind.horizon);
            expect(last.time).toBe(horizon);
            expect(outcome.time).toBe(horizon);
            expect(outcome.origin).toBe(0);
            expect(outcome.user).toBe(-1);
            for (const r of outcome.highestRung) expect(r).toBeLessThan(NUCLEAR_USE_RUNG);
            expect(war).toBe(false);
            expect(outcome.flags[Flag.retaliation]).toBe(0);
          }

          expect(outcome.counts.every(isNonNegativeInteger), String(outcome.counts)).toBe(true);
          expect(outcome.counts[0]).toBe(events.filter((e) => e.kind === TraceKind.track).length);
          // Highest rung = the initial rung or the highest rung any change reached.
          for (let a = 0; a < 2; a++) {
            const reached = events
              .filter((e) => e.kind === TraceKind.rungChange && e.actor === a)
              .map((e) => e.y);
            expect(outcome.highestRung[a]).toBe(Math.max(model.initialRung[a], ...reached));
          }
        }
      }),
      { ...LIMITS, seed: 1002, numRuns: RUNS },
    );
    // The generator must reach both branches for the property to mean anything.
    expect(uses).toBeGreaterThan(20);
    expect(quiet).toBeGreaterThan(20);
  });

  it('causes, origins and first users add up to the total; every summary probability is one', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, (input, seed) => {
        const scenario = resolve(input);
        const model = compileModel(scenario);
        const sim = simulatorFor(scenario);
        const stats = new RunStatistics(2);
        const n = 25;
        for (let t = 0; t < n; t++) stats.add(sim.run(seed, t));
        const sum = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);

        expect(sum(stats.byCause)).toBe(stats.nuclearUse);
        expect(sum(stats.byOrigin)).toBe(stats.nuclearUse);
        expect(stats.byOrigin[0]).toBe(0);
        expect(sum(stats.byUser)).toBe(stats.nuclearUse);
        for (let a = 0; a < 2; a++) {
          const row = stats.highestRung.slice(a * RUNGS.length, (a + 1) * RUNGS.length);
          expect(sum(row)).toBe(n);
        }

        const s = summarize(stats, model.actorIds);
        for (const [path, e] of proportions(s)) {
          const [lo, hi] = e.ci95;
          const where = `${path}: p=${e.p} ci=[${lo}, ${hi}]`;
          expect(0 <= lo && lo <= e.p && e.p <= hi && hi <= 1, where).toBe(true);
        }
        const total = (r: Readonly<Record<string, ProportionEstimate>>) =>
          Object.values(r).reduce((x, e) => x + e.p, 0);
        expect(total(s.byCause)).toBeCloseTo(s.nuclearUse.p, 12);
        expect(total(s.byOrigin)).toBeCloseTo(s.nuclearUse.p, 12);
        expect(total(s.firstUse)).toBeCloseTo(s.nuclearUse.p, 12);
        for (const id of model.actorIds) expect(total(s.highestRung[id])).toBeCloseTo(1, 12);
        for (const m of Object.values(s.counts)) {
          expect(m.mean).toBeGreaterThanOrEqual(0);
          expect(m.stderr).toBeGreaterThanOrEqual(0);
        }
        if (stats.nuclearUse > 0) {
          expect(s.daysToUse?.mean).toBeGreaterThanOrEqual(0);
          expect(s.daysToUse?.mean).toBeLessThan(input.horizonDays);
        } else expect(s.daysToUse).toBeNull();
      }),
      { ...LIMITS, seed: 1003, numRuns: RUNS },
    );
  });

  it('the same (seed, trial) reproduces the same outcome and event sequence', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        seedArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        (input, seed, trial) => {
          const scenario = resolve(input);
          const first = traced(simulatorFor(scenario), seed, trial);
          // A fresh model and simulator give the same trial.
          const again = traced(simulatorFor(resolve(input)), seed, trial);
          expect(again).toEqual(first);
          // So does a simulator that ran other trials, of other seeds, first.
          const used = simulatorFor(scenario);
          used.run(seed + 1, trial);
          used.run(seed, trial + 1);
          expect(traced(used, seed, trial)).toEqual(first);
          // Without a recorder the outcome is the same too.
          expect(snapshot(used.run(seed, trial))).toEqual(first.outcome);
        },
      ),
      { ...LIMITS, seed: 1004, numRuns: RUNS },
    );
  });

  it('a trial does not depend on which trials ran before it (trial 7 alone = trial 7 in a run)', () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, (input, seed) => {
        const scenario = resolve(input);
        const alone = traced(simulatorFor(scenario), seed, 7);

        const sequence = simulatorFor(scenario);
        let inSequence: { outcome: unknown; events: RecordedEvent[] } | undefined;
        for (let t = 0; t < 10; t++) {
          const r = traced(sequence, seed, t);
          if (t === 7) inSequence = r;
        }
        expect(inSequence).toEqual(alone);

        const reversed = simulatorFor(scenario);
        for (let t = 12; t > 7; t--) reversed.run(seed, t);
        expect(traced(reversed, seed, 7)).toEqual(alone);
      }),
      { ...LIMITS, seed: 1005, numRuns: RUNS },
    );
  });

  it('statistics over a run do not depend on the order trials ran in', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        seedArb,
        fc.shuffledSubarray([...Array(16).keys()], { minLength: 16, maxLength: 16 }),
        (input, seed, order) => {
          const scenario = resolve(input);
          const inOrder = new RunStatistics(2);
          const shuffled = new RunStatistics(2);
          const sim = simulatorFor(scenario);
          for (let t = 0; t < 16; t++) inOrder.add(sim.run(seed, t));
          for (const t of order) shuffled.add(sim.run(seed, t));
          const counts = (s: RunStatistics) => ({
            nuclearUse: s.nuclearUse,
            byOrigin: Array.from(s.byOrigin),
            byUser: Array.from(s.byUser),
            highestRung: Array.from(s.highestRung),
            countSum: Array.from(s.countSum),
            countSumSquares: Array.from(s.countSumSquares),
          });
          expect(counts(shuffled)).toEqual(counts(inOrder));
        },
      ),
      { ...LIMITS, seed: 1006, numRuns: RUNS },
    );
  });
});
