/**
 * The contract every decision-maker passes, run in real trials of the bundled scenarios: it
 * answers only legal decisions, deterministically for a given seed, reads nothing but the
 * Observation's fields (no ground truth), never mutates what it is shown, and uses a bounded
 * number of draws per decision. Each agent's test file calls `agentContract` with a factory.
 */
import { describe, expect, it } from 'vitest';
import {
  compileModel,
  LEGAL_CHOICES,
  Simulator,
  observationOf,
  snapshotObservation,
  type CompiledModel,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../../src/engine/index.ts';
import { trialRecord } from '../../src/runner/index.ts';
import type { LoadedScenario } from '../../src/scenario/index.ts';

/** Makes the decision-makers of one trial (a replay agent needs to know which). */
export type AgentFactory = (
  loaded: LoadedScenario,
  model: CompiledModel,
  seed: number,
  trial: number,
) => DecisionMaker[];

/** The fields of the port's Observation: an agent reading anything else reads past the port. */
const OBSERVATION_KEYS = new Set<string>([
  'point',
  'actor',
  'minute',
  'mode',
  'ownRung',
  'perceivedRung',
  'domain',
  'byAi',
  'confidence',
  'confirmed',
  'windowMinutes',
  'responseRung',
  'linkUp',
  'outageMinutes',
  'recentCount',
  'recentKind',
  'recentMinute',
  'recentValue',
]);

/** Draws a decision may make at most (a time, a judgment, a pick or a chance, with room). */
const MAX_DRAWS = 8;

interface Probe {
  /** Whether the agents under test declared that they never read the recent events. */
  skipsRecent: boolean;
  decisions: number;
  keys: Set<string>;
  illegal: string[];
  mostDraws: number;
  log: string[];
}

/** Wraps an agent: shows it a frozen, key-checking copy of each observation and counts draws. */
function probed(inner: DecisionMaker, probe: Probe): DecisionMaker {
  return {
    name: inner.name,
    statesProbabilities: inner.statesProbabilities,
    decide(o: Observation, draws: DecisionDraws, decision: Decision) {
      const copy = Object.freeze(observationOf(snapshotObservation(o)));
      const watched = new Proxy(copy, {
        get(target, key, receiver) {
          if (typeof key === 'string') probe.keys.add(key);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      let used = 0;
      const counted: DecisionDraws = {
        time: (m, s, l) => (used++, draws.time(m, s, l)),
        judge: (a, n) => (used++, draws.judge(a, n)),
        chance: (p) => (used++, draws.chance(p)),
        pick: (p) => (used++, draws.pick(p)),
      };
      inner.decide(watched, counted, decision);
      probe.decisions++;
      probe.mostDraws = Math.max(probe.mostDraws, used);
      if (!LEGAL_CHOICES[o.point].includes(decision.choice) || !(decision.minutes >= 0)) {
        probe.illegal.push(`${decision.choice} in ${decision.minutes} min at point ${o.point}`);
      }
      probe.log.push(`${o.actor}:${o.point}:${o.minute}:${decision.choice}:${decision.minutes}`);
    },
  };
}

function runTrials(
  loaded: LoadedScenario,
  factory: AgentFactory,
  seed: number,
  trials: number,
): { probe: Probe; outcomes: string[] } {
  const model = compileModel(loaded.scenario);
  const probe: Probe = {
    skipsRecent: false,
    decisions: 0,
    keys: new Set(),
    illegal: [],
    mostDraws: 0,
    log: [],
  };
  const outcomes: string[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const inner = factory(loaded, model, seed, trial);
    probe.skipsRecent = inner.every((a) => a.readsRecentEvents === false);
    // The probe reads every field to snapshot it, so it tells the engine what the agent says.
    const agents = inner.map((a) => ({
      ...probed(a, probe),
      readsRecentEvents: a.readsRecentEvents,
    }));
    const sim = new Simulator(model, agents);
    outcomes.push(JSON.stringify(trialRecord(model, sim.run(seed, trial))));
  }
  return { probe, outcomes };
}

export function agentContract(
  name: string,
  factory: AgentFactory,
  scenarios: readonly LoadedScenario[],
  trials = 300,
): void {
  describe(`agent contract: ${name}`, () => {
    for (const loaded of scenarios) {
      describe(loaded.scenario.name, () => {
        const first = runTrials(loaded, factory, 7, trials);

        it('is asked at decision points of every kind the scenario reaches', () => {
          expect(first.probe.decisions).toBeGreaterThan(trials);
        });

        it('answers only legal decisions in a non-negative time', () => {
          expect(first.probe.illegal).toEqual([]);
        });

        it('reads nothing but the Observation (no ground truth) and never mutates it', () => {
          // Frozen copies: a write would have thrown in strict mode and failed the run.
          const foreign = [...first.probe.keys].filter((k) => !OBSERVATION_KEYS.has(k));
          expect(foreign).toEqual([]);
        });

        if (first.probe.skipsRecent) {
          it('never reads the recent events, as it declares (readsRecentEvents: false)', () => {
            const recent = [...first.probe.keys].filter((k) => k.startsWith('recent'));
            expect(recent).toEqual([]);
          });
        }

        it('is deterministic for a given seed', () => {
          const again = runTrials(loaded, factory, 7, trials);
          expect(again.probe.log).toEqual(first.probe.log);
          expect(again.outcomes).toEqual(first.outcomes);
        });

        it('uses a bounded number of draws per decision', () => {
          expect(first.probe.mostDraws).toBeLessThanOrEqual(MAX_DRAWS);
        });
      });
    }
  });
}
