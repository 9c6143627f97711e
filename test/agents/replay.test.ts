/**
 * Recorded decisions and agents that must wait: the replay agent plays a trial's recording back
 * and refuses a trial whose decision points differ; the episode driver, awaiting each decision,
 * gives trial by trial exactly what the synchronous loop gives with the same decisions; and an
 * agent that states no probabilities makes `--method is|auto` say so and run plain.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  agentsFor,
  RecordingAgent,
  ReplayAgent,
  ReplayMismatchError,
  ReplayScript,
  type RecordedDecision,
  type WaitingAgent,
} from '../../src/agents/index.ts';
import { compileModel, Simulator, type CompiledModel } from '../../src/engine/index.ts';
import { localPilot } from '../../src/runner/tilt-search.ts';
import { planMethod, runEpisode, trialRecord } from '../../src/runner/index.ts';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/index.ts';
import { agentContract } from '../helpers/agent-contract.ts';

const file = (name: string): LoadedScenario => {
  const r = loadScenarioFile(fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url)));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const KOREA = file('korean-peninsula-2026.yaml');
const SCRIPTED = file('korean-peninsula-2026-scripted.yaml');

/** The decisions the scenario's own agents make in one trial, and its outcome. */
function recordTrial(loaded: LoadedScenario, model: CompiledModel, seed: number, trial: number) {
  const log: RecordedDecision[] = [];
  const agents = agentsFor(loaded.scenario, model).map(
    (a, i) => new RecordingAgent(a, model.actorIds[i], log),
  );
  const outcome = trialRecord(model, new Simulator(model, agents).run(seed, trial));
  return { log, outcome };
}

function replayAgents(model: CompiledModel, decisions: readonly RecordedDecision[]) {
  const script = new ReplayScript(decisions);
  return { script, agents: model.actorIds.map((id) => new ReplayAgent(script, id)) };
}

agentContract(
  'replay',
  (loaded, model, seed, trial) =>
    replayAgents(model, recordTrial(loaded, model, seed, trial).log).agents,
  [KOREA, SCRIPTED],
);

describe('replay', () => {
  const model = compileModel(KOREA.scenario);

  it('plays a recording back to the same trial, every decision asked', () => {
    let decisions = 0;
    for (let trial = 0; trial < 300; trial++) {
      const { log, outcome } = recordTrial(KOREA, model, 2, trial);
      const { script, agents } = replayAgents(model, log);
      expect(trialRecord(model, new Simulator(model, agents).run(2, trial))).toEqual(outcome);
      expect(script.finished).toBe(true);
      decisions += log.length;
    }
    expect(decisions).toBeGreaterThan(300);
  });

  it('refuses a trial whose decision points differ from the recording', () => {
    const { log } = recordTrial(KOREA, model, 2, 0);
    expect(log.length).toBeGreaterThan(0);
    const { agents } = replayAgents(model, log);
    // Another trial asks other questions at other times.
    expect(() => new Simulator(model, agents).run(2, 1)).toThrow(ReplayMismatchError);
    expect(() => new Simulator(model, agents).run(2, 1)).toThrow(/decision 1 was asked of/);
    // A recording cut short is refused at the first decision it lacks.
    const short = replayAgents(model, log.slice(0, log.length - 1)).agents;
    expect(() => new Simulator(model, short).run(2, 0)).toThrow(/is not in the recording/);
  });
});

describe('the episode driver', () => {
  /** A waiting agent that answers from a recording, after a real await. */
  function waitingFrom(log: readonly RecordedDecision[], actor: string): WaitingAgent {
    const mine = log.filter((d) => d.actor === actor);
    let next = 0;
    return {
      name: 'recorded',
      async decide(o) {
        await new Promise((resolve) => setImmediate(resolve));
        const d = mine[next++];
        expect(d.minute).toBe(o.minute);
        return { choice: d.choice, minutes: d.minutes, deferredToMachine: d.deferredToMachine };
      },
    };
  }

  it('agrees with the synchronous loop trial by trial on 1,000 Korean trials of replayed decisions', async () => {
    const seed = 11;
    let uses = 0;
    let waited = 0;
    for (let trial = 0; trial < 1000; trial++) {
      const { log, outcome } = recordTrial(KOREA, model0, seed, trial);
      const waiting = Object.fromEntries(model0.actorIds.map((id) => [id, waitingFrom(log, id)]));
      const episode = await runEpisode(KOREA, seed, trial, waiting);
      expect(episode.outcome).toEqual(outcome);
      expect(episode.recording.decisions.map(({ reason: _r, ...d }) => d)).toEqual(
        log.map(({ reason: _r, ...d }) => d),
      );
      // And the synchronous loop with the replay agent gives the same trial again.
      const { agents } = replayAgents(model0, episode.recording.decisions);
      expect(trialRecord(model0, new Simulator(model0, agents).run(seed, trial))).toEqual(outcome);
      if (outcome.nuclearUse) uses++;
      waited += episode.runs - 1;
    }
    expect(uses).toBeGreaterThan(0);
    expect(waited).toBeGreaterThan(1000);
  }, 120_000);

  it('lets one side wait while the other decides at once', async () => {
    const { log, outcome } = recordTrial(KOREA, model0, 3, 5);
    const episode = await runEpisode(KOREA, 3, 5, { south: waitingFrom(log, 'south') });
    expect(episode.outcome).toEqual(outcome);
  });

  it('refuses an illegal answer instead of turning it into a default', async () => {
    const confused: WaitingAgent = {
      name: 'confused',
      decide: async () => ({ choice: 'act' }),
    };
    let refused = false;
    for (let trial = 0; trial < 50 && !refused; trial++) {
      try {
        await runEpisode(KOREA, 1, trial, { north: confused, south: confused });
      } catch (e) {
        expect(String(e)).toMatch(
          /answered act in 0 minutes at (an alert point, which allows approve, veto, defer|a rise point, which allows match, escalate, hold, deescalate)/,
        );
        refused = true;
      }
    }
    expect(refused).toBe(true);
  });

  const model0 = compileModel(KOREA.scenario);
});

describe('importance sampling needs agents that state their probabilities', () => {
  it('says so and runs plain when one does not', async () => {
    const model = compileModel(KOREA.scenario);
    const { agents } = replayAgents(model, []);
    const runner = localPilot(model, agentsFor(KOREA.scenario, model), 1);
    for (const method of ['is', 'auto'] as const) {
      const plan = await planMethod(model, runner, { method, agents });
      expect(plan.used).toBe('plain');
      expect(plan.reason).toMatch(/the replay agent states no probability for its choices/);
    }
    const stated = await planMethod(model, runner, {
      method: 'is',
      agents: agentsFor(KOREA.scenario, model),
      tiltSearch: { pilotTrials: 2000, maxRounds: 2 },
    });
    expect(stated.used).toBe('importance');
  });
});
