/** Small helpers for building scenarios and running trials in tests. */
import { expect } from 'vitest';
import { DoctrineAgent } from '../../src/agents/index.ts';
import { simulatorFor as runnerSimulatorFor } from '../../src/runner/simulator-for.ts';
import {
  Simulator,
  type CompiledModel,
  type Recorder,
  type Tilt,
  type TrialOutcome,
} from '../../src/engine/index.ts';
import { RunStatistics, wilson } from '../../src/estimate/index.ts';
import { fileURLToPath } from 'node:url';
import {
  loadScenarioFile,
  resolveScenarioObject,
  type LoadedScenario,
  type ResolvedScenario,
  type ScenarioInput,
} from '../../src/scenario/index.ts';
import { formatIssue } from '../../src/util/issue.ts';

export type ActorInput = ScenarioInput['actors'][string];
export type LadderInput = NonNullable<ScenarioInput['ladder']>;

/** z for a two-sided 99.9% interval: used where a test makes many interval checks at once. */
export const Z999 = 3.2905267314919255;
export const MINUTES_PER_DAY = 1440;

/** Validates plain scenario data, throwing with every issue when it is not valid. */
export function resolve(input: ScenarioInput): ResolvedScenario {
  const result = resolveScenarioObject(input);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

/** A one-actor scenario (actor id `solo`). */
export function solo(
  actor: ActorInput,
  horizonDays: number,
  ladder?: LadderInput,
): ResolvedScenario {
  return resolve({ name: 'test solo', horizonDays, actors: { solo: actor }, ladder });
}

/** A two-actor scenario (actor ids `a` then `b`). */
export function duo(
  a: ActorInput,
  b: ActorInput,
  horizonDays: number,
  ladder?: LadderInput,
): ResolvedScenario {
  return resolve({ name: 'test duo', horizonDays, actors: { a, b }, ladder });
}

/**
 * A human who decides instantly and never looks at confidence: the decision adds nothing but the
 * catch probability. Spread over an actor literal, then override what the test is about.
 */
export function instantHuman(catchProbability: number): Pick<ActorInput, 'human' | 'authority'> {
  return {
    human: {
      catchProbability,
      automationBias: 0,
      adequateTimeMinutes: 0,
      decisionTime: { medianMinutes: 0, sigma: 0 },
    },
    authority: { mode: 'human_in_the_loop', confidenceThreshold: 0 },
  };
}

export function simulatorFor(scenario: ResolvedScenario): Simulator {
  return runnerSimulatorFor(scenario);
}

/** A simulator of a compiled model whose every side follows the built-in doctrine. */
export function doctrineSimulator(model: CompiledModel, tilt: Tilt | null = null): Simulator {
  return new Simulator(model, doctrineAgents(model), tilt);
}

export function doctrineAgents(model: CompiledModel): DoctrineAgent[] {
  return model.actorIds.map((_, a) => new DoctrineAgent(model, a));
}

export interface RecordedEvent {
  readonly time: number;
  readonly kind: number;
  readonly actor: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** A recorder that keeps every event. */
export class EventLog implements Recorder {
  readonly events: RecordedEvent[] = [];
  record(time: number, kind: number, actor: number, x: number, y: number, z: number): void {
    this.events.push({ time, kind, actor, x, y, z });
  }
}

/** A plain copy of an outcome (the simulator reuses its outcome object). */
export interface OutcomeSnapshot {
  readonly nuclearUse: number;
  readonly time: number;
  readonly origin: number;
  readonly user: number;
  readonly highestRung: number[];
  readonly counts: number[];
  readonly flags: number[];
  readonly generalWarTime: number;
}

export function snapshot(o: TrialOutcome): OutcomeSnapshot {
  return {
    nuclearUse: o.nuclearUse,
    time: o.time,
    origin: o.origin,
    user: o.user,
    highestRung: Array.from(o.highestRung),
    counts: Array.from(o.counts),
    flags: Array.from(o.flags),
    generalWarTime: o.generalWarTime,
  };
}

/** Runs one trial with a recorder and returns its outcome and events. */
export function traced(
  sim: Simulator,
  seed: number,
  trial: number,
): { outcome: OutcomeSnapshot; events: RecordedEvent[] } {
  const log = new EventLog();
  const outcome = snapshot(sim.run(seed, trial, log));
  return { outcome, events: log.events };
}

/** Runs trials [from, to) into fresh statistics. */
export function runStatistics(
  model: CompiledModel,
  seed: number,
  from: number,
  to: number,
): RunStatistics {
  const sim = doctrineSimulator(model);
  const stats = new RunStatistics(model.actorCount);
  for (let t = from; t < to; t++) stats.add(sim.run(seed, t));
  return stats;
}

/** Calls `each` with the outcome of trials 0..n-1 (the outcome object is reused: copy to keep). */
export function forTrials(
  sim: Simulator,
  seed: number,
  n: number,
  each: (o: TrialOutcome, trial: number) => void,
): void {
  for (let t = 0; t < n; t++) each(sim.run(seed, t), t);
}

/**
 * Wilson interval of k successes in n at `z` (re-exported so engine tests need not import the
 * estimate layer, which the layering rules forbid for code under src/engine).
 */
export function interval(k: number, n: number, z: number): [number, number] {
  return wilson(k, n, z);
}

/** True when `p` lies inside the closed interval. */
export function covers(ci: readonly [number, number], p: number): boolean {
  return ci[0] <= p && p <= ci[1];
}

/** Describes an interval check, for assertion messages. */
export function describeCheck(
  k: number,
  n: number,
  ci: readonly [number, number],
  p: number,
): string {
  const f = (x: number) => x.toPrecision(5);
  return `observed ${k}/${n} = ${f(k / n)}, interval [${f(ci[0])}, ${f(ci[1])}], expected ${f(p)}`;
}

/**
 * Asserts that the Wilson interval of k successes in n at `z` contains `p`: the tolerance is the
 * sampling uncertainty itself, never a hand-picked epsilon.
 */
export function expectCovered(k: number, n: number, p: number, z: number): void {
  const ci = wilson(k, n, z);
  expect(covers(ci, p), describeCheck(k, n, ci, p)).toBe(true);
}

/** A bundled scenario file (scenarios/NAME), loaded, throwing with its issues if it does not load. */
export function loadBundled(name: string): LoadedScenario {
  const r = loadScenarioFile(fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
