import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayAgent, ReplayScript, type DecisionRecording } from '../../src/agents/index.ts';
import { compileModel } from '../../src/engine/index.ts';
import { runEpisode } from '../../src/runner/index.ts';
import { loadScenarioText } from '../../src/scenario/index.ts';
import type { ExerciseView, SeatView } from '../../src/server/tabletop/index.ts';
import { debriefOf } from '../../src/server/tabletop/debrief.ts';
import { SCENARIOS } from '../helpers/api.ts';
import { settle, tabletop, tokenOf, type Created } from './helpers.ts';

/** Each seat's answers in turn, by point; the third alert of the south is left to time out. */
const PLAN: Record<string, string[]> = {
  alert: ['approve', 'veto'],
  rise: ['match'],
  outage: ['act', 'hold'],
};

describe('a recorded exercise replays exactly', () => {
  it('the replay agent gives the same outcome, and the debrief from the recording the same numbers', async () => {
    const t = tabletop();
    const response = await t.call('POST', '/api/exercises', {
      scenario: { name: 'korean-peninsula-2026' },
      label: 'replayed',
      people: ['north', 'south'],
      seed: 1,
      trial: 2,
      compression: 30,
      debriefBranches: 20,
    });
    const created = (await response.json()) as Created;
    const tokens = ['north', 'south'].map((a) => tokenOf(created, a));
    await t.call('POST', `/api/exercises/${created.id}/start`, {});
    await settle();
    let asked = 0;
    let late = 0;
    for (let guard = 0; guard < 1000; guard++) {
      const views = await Promise.all(
        tokens.map(
          async (tok) =>
            (await (await t.call('GET', '/api/seat', undefined, tok)).json()) as SeatView,
        ),
      );
      if (views[0].exercise.status !== 'playing') break;
      const i = views.findIndex((v) => v.question !== null);
      if (i < 0) {
        // The crisis is over and its debrief being computed.
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const q = views[i].question;
      if (q === null) throw new Error('unreachable');
      asked++;
      // A window of no time at all (0 minutes) is late whatever the player does.
      if ((asked % 3 === 0 && q.point === 'alert') || q.limitSeconds < 0.5) {
        // Left unanswered: the window closes and the doctrine default decides.
        t.clock.advance(q.limitSeconds * 1000 + 1);
        late++;
      } else {
        t.clock.advance(500);
        const options = PLAN[q.point];
        const choice = options[asked % options.length];
        await t.call('POST', '/api/seat/decide', { question: q.id, choice }, tokens[i]);
      }
      await settle();
    }
    const view = (await (
      await t.call('GET', `/api/exercises/${created.id}`)
    ).json()) as ExerciseView;
    expect(view.status).toBe('done');
    expect(late).toBeGreaterThan(0);
    expect(view.answers.filter((a) => a.late)).toHaveLength(late);
    const recording = (await (
      await t.call('GET', `/api/exercises/${created.id}/recording`)
    ).json()) as DecisionRecording;
    expect(recording.decisions).toHaveLength(asked);

    const text = readFileSync(join(SCENARIOS, 'korean-peninsula-2026.yaml'), 'utf8');
    const loaded = loadScenarioText(text, { source: 'korea' });
    if (!loaded.ok) throw new Error('scenario');
    const model = compileModel(loaded.value.scenario);
    const script = new ReplayScript(recording.decisions);
    const agents = model.actorIds.map((id) => new ReplayAgent(script, id));
    const replay = await runEpisode(loaded.value, recording.seed, recording.trial, {}, { agents });
    expect(script.finished).toBe(true);
    expect(replay.outcome).toEqual(view.outcome);
    expect(replay.recording.decisions).toEqual(recording.decisions);
    const again = await debriefOf(
      loaded.value,
      recording,
      replay.outcome,
      view.answers,
      new Set(['north', 'south']),
      20,
    );
    expect(again).toEqual(view.debrief);
    // Every player's decision has its branched risks, with intervals.
    const risks = view.debrief?.decisions.filter((d) => d.player !== null || d.seconds !== null);
    expect(
      risks?.every((d) => d.risk?.branches === 20 && d.risk.underChoice.ci95.length === 2),
    ).toBe(true);
    // The debrief says something: the players' choices and the doctrine's differ somewhere.
    expect(
      view.debrief?.decisions.some((d) => d.doctrine !== null && d.doctrine !== d.choice),
    ).toBe(true);

    // A recording changed by one decision no longer replays the stored crisis.
    const changed = recording.decisions.map((d, i) =>
      i === 0 ? ({ ...d, choice: d.choice === 'veto' ? 'approve' : 'veto' } as const) : d,
    );
    const other = new ReplayScript(changed);
    const otherAgents = model.actorIds.map((id) => new ReplayAgent(other, id));
    const diverged = await runEpisode(
      loaded.value,
      recording.seed,
      recording.trial,
      {},
      {
        agents: otherAgents,
      },
    ).then(
      (r) => JSON.stringify(r.outcome) !== JSON.stringify(view.outcome) || !other.finished,
      () => true,
    );
    expect(diverged).toBe(true);
  });
});
