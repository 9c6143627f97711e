/**
 * The delegation game against closed forms (scenarios/analytic-game.yaml): each side's classifier
 * trades false alarms against missed attacks, nothing else couples the sides, so per profile
 * P(accidental use) = 1 − exp(−l T (f_a + f_b)) and P(unanswered) = 1 − exp(−g T (n_a + n_b)),
 * the payoffs −Σ cost × P, and the equilibria of those exact payoffs are known. Every check asks
 * whether the run's interval at 99.9% (many checks at once) holds the exact value.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nashEquilibria, pureEquilibria } from '../src/analysis/index.ts';
import { playGame } from '../src/runner/index.ts';
import { loadScenarioFile, loadScenarioText } from '../src/scenario/index.ts';
import type { Difference } from '../src/estimate/index.ts';
import { expectCovered, Z999 } from './helpers/scenario.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-game.yaml', import.meta.url));
const [L, G, T] = [0.2, 0.2, 10];
/** (falsePositive.ballistic, falseNegative.air) of each strategy. */
const STRATEGY = { cautious: [0.05, 0.5], ready: [0.5, 0.05] } as const;
const WEIGHTS = [
  { use: 1.5, un: 1 },
  { use: 2, un: 1 },
];

function exact(a: keyof typeof STRATEGY, b: keyof typeof STRATEGY) {
  const [fa, na] = STRATEGY[a];
  const [fb, nb] = STRATEGY[b];
  const use = -Math.expm1(-L * T * (fa + fb));
  const un = -Math.expm1(-G * T * (na + nb));
  // Each player weighs the attack on its own side: a genuine attack on a goes unanswered at rate g n_a.
  const on = [-Math.expm1(-G * T * na), -Math.expm1(-G * T * nb)];
  return { use, un, on, payoffs: WEIGHTS.map((w, p) => -(w.use * use + w.un * on[p])) };
}

const within = (e: Difference, x: number) => Math.abs(e.estimate - x) <= Z999 * e.stderr + 1e-12;

describe('the 2 × 2 game in closed form', async () => {
  const loaded = loadScenarioFile(FILE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const result = await playGame(loaded.value, { runs: 4000, resamples: 400 });
  const names = ['cautious', 'ready'] as const;
  const cells = names.flatMap((a) => names.map((b) => exact(a, b)));
  const matrix = (p: number) => [0, 1].map((i) => [0, 1].map((j) => cells[i * 2 + j].payoffs[p]));
  const exactEquilibria = nashEquilibria(matrix(0), matrix(1));

  it('estimates every profile’s outcomes and payoffs inside their intervals', () => {
    result.profiles.forEach((profile, k) => {
      const n = result.runs;
      expectCovered(Math.round(profile.outcomes.accidentalUse.p * n), n, cells[k].use, Z999);
      expectCovered(Math.round(profile.outcomes.unansweredAttack.p * n), n, cells[k].un, Z999);
      profile.unansweredOn.forEach((u, p) =>
        expectCovered(Math.round(u.p * n), n, cells[k].on[p], Z999),
      );
      profile.payoffs.forEach((u, p) => expect(within(u, cells[k].payoffs[p])).toBe(true));
    });
  });

  it('finds the two pure equilibria and the mixed one of the exact payoffs', () => {
    expect(pureEquilibria(matrix(0), matrix(1))).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(exactEquilibria).toHaveLength(3);
    expect(result.equilibria.map((e) => e.support)).toEqual(
      exactEquilibria.map((e) => e.support.map((s) => s.map((i) => names[i]))),
    );
    expect(result.profiles.map((p) => p.equilibrium)).toEqual([true, false, false, true]);
    // The coordination game is far from a tie: every resampled matrix keeps both pure equilibria.
    expect(result.profiles[0].equilibriumProbability).toBeGreaterThan(0.99);
    expect(result.profiles[1].equilibriumProbability).toBeLessThan(0.01);
  });

  it('puts the mixed equilibrium’s probabilities inside their intervals', () => {
    const mixed = result.equilibria.find((e) => e.kind === 'mixed');
    const truth = exactEquilibria.find((e) => e.support[0].length === 2);
    expect(mixed && truth).toBeTruthy();
    if (!mixed || !truth) return;
    expect(within(mixed.mix[0][0], truth.p[0])).toBe(true);
    expect(within(mixed.mix[1][0], truth.q[0])).toBe(true);
    expect(mixed.mix[0][0].stderr).toBeGreaterThan(0);
    expect(within(mixed.payoffs[0], truth.payoffs[0])).toBe(true);
    // Only the cautious pure equilibrium is better for both players than the mixed one.
    expect(mixed.paretoImprovements.map((i) => i.strategies)).toEqual([['cautious', 'cautious']]);
  });

  it('the agreement (both cautious) is already an equilibrium: it holds with no verification', () => {
    expect(result.agreement?.restraint).toEqual(['cautious', 'cautious']);
    expect(result.agreement?.threshold.estimate).toBe(0);
    expect(result.agreement?.holdsUnverified).toBeGreaterThan(0.99);
    // Breaching to `ready` alone loses for each: the closed-form gains, inside their intervals.
    expect(result.agreement?.bestBreach).toEqual(['ready', 'ready']);
    const gains = [
      cells[2].payoffs[0] - cells[0].payoffs[0],
      cells[1].payoffs[1] - cells[0].payoffs[1],
    ];
    result.agreement?.gains.forEach((g, p) => {
      expect(g.estimate).toBeLessThan(0);
      expect(within(g, gains[p])).toBe(true);
    });
  });
});

describe('paired payoff differences', () => {
  it('are much narrower than independent runs of the same size would give', async () => {
    // A nearby strategy changes few trials: pairing cancels nearly all the noise of the payoffs.
    const text = readFileSync(FILE, 'utf8').replace(
      'ready:\n        description: many false hostile labels, few missed attacks\n        set: [actors.*.ai.falsePositive.ballistic=0.5, actors.*.ai.falseNegative.air=0.05]\n    b:',
      'ready:\n        set: [actors.*.ai.falsePositive.ballistic=0.07, actors.*.ai.falseNegative.air=0.45]\n    b:',
    );
    const loaded = loadScenarioText(text, { source: 'nearby.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const result = await playGame(loaded.value, { runs: 3000, resamples: 300 });
    const move = result.deviations.find((d) => d.player === 0 && d.from === 0 && d.to === 2);
    expect(move).toBeDefined();
    if (!move) return;
    expect(move.gain.stderr).toBeGreaterThan(0);
    expect(move.gain.stderr).toBeLessThan(0.4 * move.independentStderr);
    // The independent error is that of the two payoffs, each as a run of its own would give it.
    const [from, to] = [result.profiles[0], result.profiles[2]];
    expect(move.independentStderr).toBeCloseTo(
      Math.hypot(from.payoffs[0].stderr, to.payoffs[0].stderr),
      12,
    );
  });
});

describe('invalid game declarations', () => {
  const base = readFileSync(FILE, 'utf8').split('\ngame:\n')[0];
  const issues = (game: string) => {
    const loaded = loadScenarioText(`${base}\ngame:\n${game}`, { source: 'bad.yaml' });
    expect(loaded.ok).toBe(false);
    return loaded.ok ? [] : loaded.issues.map((i) => `${i.path}: ${i.message}`);
  };

  it('name the field of a bad weight', () => {
    expect(issues('  weights:\n    a: { accidentalUse: -1 }')).toEqual([
      'game.weights.a.accidentalUse: Too small: expected number to be >=0 (got -1)',
    ]);
    expect(issues('  weights:\n    a: { accidental: 1 }')).toEqual([
      "game.weights.a.accidental: unknown field (did you mean 'accidentalUse'?)",
    ]);
    expect(issues('  weights:\n    c: { generalWar: 1 }')).toEqual([
      "game.weights.c: no actor 'c' (actors: a, b)",
    ]);
  });

  it('name the strategy and change that cannot apply', () => {
    expect(
      issues('  strategies:\n    a:\n      odd: { set: [actors.*.ai.falsePositive.ballistic=2] }'),
    ).toEqual([
      'game.strategies.a.odd.set: actors.a.ai.falsePositive.ballistic: Too big: expected number to be <=1',
    ]);
    expect(
      issues('  strategies:\n    a:\n      odd: { set: [actors.c.human.catchProbability=1] }'),
    ).toEqual([
      "game.strategies.a.odd.set: actors.c.human.catchProbability: no actor 'c' (actors: a, b)",
    ]);
    expect(issues('  strategies:\n    a: {}')).toEqual([
      'game.strategies.a: declare at least one strategy',
    ]);
    expect(issues('  strategies:\n    a:\n      Bad: { set: [] }')[0]).toMatch(
      /^game\.strategies\.a\.Bad: Invalid key/,
    );
  });

  it('name an agreement or a strike day that does not fit', () => {
    expect(issues('  agreement: { a: nowhere, b: in-loop }')).toEqual([
      "game.agreement.a: no strategy 'nowhere' (strategies: in-loop, in-loop-predelegated, on-loop, on-loop-predelegated, autonomous, autonomous-predelegated)",
    ]);
    expect(issues('  deterrence: { strikeDay: 20 }')).toEqual([
      'game.deterrence.strikeDay: day 20 is not within the 10-day horizon',
    ]);
    expect(issues('  deterrence: { strike: { shape: logistic } }')).toEqual([
      'game.deterrence.strike.atFullCredibility: 0: a logistic map needs both ends strictly between 0 and 1 (or use shape: linear)',
    ]);
  });
});

describe('deterrence: credibility measured on strike variants', () => {
  // Each side answers a perceived detonation in kind (probability 1) through a successor command
  // that survives the cut with probability s, its strategy; no pre-delegation. So its credibility
  // is c = s, and with nothing else in the crisis its payoff is −P(strike | c) × (W + R c).
  const side = (label: string) => `
  ${label}:
    answer: match
    perception: { probability: [0.8, 0.8, 0.8, 0.8, 0.8, 1, 1], meanDelayMinutes: 5 }
    comms: { survivingCommand: 0 }`;
  const strategies = `
      weak: { set: [actors.*.comms.survivingCommand=0.2] }
      strong: { set: [actors.*.comms.survivingCommand=0.7] }`;
  const text = `name: deterrence duo
horizonDays: 5
actors:${side('a')}${side('b')}
game:
  strategies:
    a:${strategies}
    b:${strategies}
  weights:
    a: { disarmingStrike: 1, retaliationAfterStrike: 20 }
    b: { disarmingStrike: 1, retaliationAfterStrike: 0.5 }
  deterrence:
    strikeDay: 1
    strike: { shape: linear, atNoCredibility: 0.5, atFullCredibility: 0 }
`;
  const S = [0.2, 0.7];
  const W = [
    [1, 20],
    [1, 0.5],
  ];
  const cost = (c: number, [w, r]: number[]) => (0.5 - 0.5 * c) * (w + r * c);

  it('credibility, payoffs and the equilibrium follow c = s', async () => {
    const loaded = loadScenarioText(text, { source: 'deterrence.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const result = await playGame(loaded.value, { runs: 2000, resamples: 300 });
    const exactA = S.map((sa) => S.map(() => -cost(sa, W[0])));
    const exactB = S.map(() => S.map((sb) => -cost(sb, W[1])));
    result.profiles.forEach((p, k) => {
      const [i, j] = [Math.floor(k / 2), k % 2];
      const c = p.credibility;
      expect(c).not.toBeNull();
      if (!c) return;
      // Every strike variant struck: the strike comes before anything else can end the crisis.
      const n = result.runs;
      expectCovered(Math.round(c[0].p * n), n, S[i], Z999);
      expectCovered(Math.round(c[1].p * n), n, S[j], Z999);
      expect(within(p.payoffs[0], exactA[i][j])).toBe(true);
      expect(within(p.payoffs[1], exactB[i][j])).toBe(true);
    });
    // A fears the exchange (R = 20): a weak answer costs it less; B does not: a strong one.
    expect(pureEquilibria(exactA, exactB)).toEqual([[0, 1]]);
    expect(result.profiles.map((p) => p.equilibrium)).toEqual([false, true, false, false]);
  });
});
