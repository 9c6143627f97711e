/**
 * The agent docs/agents.md shows as "Writing an agent", verbatim: it passes the contract and does
 * what it says.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Choice,
  DecisionPoint,
  simulate,
  simulatorFor,
  type DecisionMaker,
} from '../../src/index.ts';
import { compileModel, Simulator } from '../../src/engine/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/index.ts';
import { agentContract } from '../helpers/agent-contract.ts';

/** Vetoes every AI alert below 95% confidence; otherwise leaves it to the doctrine default. */
export const cautious: DecisionMaker = {
  name: 'cautious',
  statesProbabilities: true, // it draws nothing, so every choice has probability 0 or 1
  decide(o, _draws, decision) {
    if (o.point === DecisionPoint.alert) {
      decision.choice = o.byAi && o.confidence < 0.95 ? Choice.veto : Choice.defer;
    } else decision.choice = Choice.hold;
    decision.reason = 'cautious';
  },
};

const file = (name: string): LoadedScenario => {
  const r = loadScenarioFile(fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

agentContract('the docs example', (_loaded, model) => model.actorIds.map(() => cautious), [
  file('korean-peninsula-2026.yaml'),
]);

describe('the docs example agent', () => {
  it('vetoes the analytic scenario’s low-confidence AI alerts, where the human lets 10% through', async () => {
    const loaded = file('analytic-single-sensor.yaml');
    const model = compileModel(loaded.scenario);
    const sim = new Simulator(model, [cautious]);
    let uses = 0;
    for (let t = 0; t < 5000; t++) uses += sim.run(1, t).nuclearUse;
    expect(uses).toBe(0);
    // The doctrine agent on the same trials: the documented 26% (analytic.test.ts checks it).
    const doctrine = simulatorFor(loaded.scenario);
    let doctrineUses = 0;
    for (let t = 0; t < 5000; t++) doctrineUses += doctrine.run(1, t).nuclearUse;
    expect(doctrineUses).toBeGreaterThan(1000);
    expect((await simulate(loaded, { runs: 1000 })).outcomes.nuclearUse.p).toBeGreaterThan(0.2);
  });
});

describe('the recent events an agent sees', () => {
  /** Records the recent events at each decision; `reads` is what it declares. */
  const watcher = (reads: boolean | undefined, seen: number[]): DecisionMaker => ({
    name: 'watcher',
    statesProbabilities: true,
    ...(reads === undefined ? {} : { readsRecentEvents: reads }),
    decide(o, _draws, decision) {
      seen.push(o.recentCount);
      decision.choice = o.point === DecisionPoint.alert ? Choice.defer : Choice.hold;
    },
  });

  it('are logged for an agent that reads them (the default) and left empty for one that says it never does', () => {
    const model = compileModel(file('korean-peninsula-2026.yaml').scenario);
    const counts = (reads: boolean | undefined) => {
      const seen: number[] = [];
      const sim = new Simulator(model, [watcher(reads, seen), watcher(reads, seen)]);
      for (let t = 0; t < 300; t++) sim.run(3, t);
      return seen;
    };
    const byDefault = counts(undefined);
    expect(byDefault.length).toBeGreaterThan(100);
    // Each alert is seen before it is asked, so every observation holds at least that event.
    expect(Math.min(...byDefault)).toBeGreaterThanOrEqual(1);
    expect(counts(true)).toEqual(byDefault);
    const skipped = counts(false);
    expect(skipped.length).toBe(byDefault.length);
    expect(Math.max(...skipped)).toBe(0);
  });
});
