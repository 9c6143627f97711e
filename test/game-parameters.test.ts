/**
 * P(equilibrium) under parameter uncertainty against a closed form (scenarios/analytic-game.yaml
 * with an `uncertainty` block): side A's rate of genuine attacks g_a is uniform on a range that
 * straddles the value g* where A stops preferring `ready` against `ready`. Below g* the only pure
 * equilibrium is (cautious, cautious); above it (ready, ready) is one too. So over the parameter,
 * P((ready, ready) is an equilibrium) = (max − g*) / (max − min), and (cautious, cautious) always is.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playGame } from '../src/runner/index.ts';
import { loadScenarioText } from '../src/scenario/index.ts';
import { Z999 } from './helpers/scenario.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-game.yaml', import.meta.url));
const [L, T] = [0.2, 10];
const [F, N] = [
  { cautious: 0.05, ready: 0.5 },
  { cautious: 0.5, ready: 0.05 },
];
const [MIN, MAX] = [0.04, 0.2];
const USE_COST = 1.5;

/** A's gain from `ready` over `cautious` when B plays `ready`, at g_a = g (its own costs: 1.5, 1). */
function gainOfReady(g: number): number {
  const use = (fa: number) => -Math.expm1(-L * T * (fa + F.ready));
  const onA = (n: number) => -Math.expm1(-g * T * n);
  return -(USE_COST * use(F.ready) + onA(N.ready)) + (USE_COST * use(F.cautious) + onA(N.cautious));
}

/** The flip g*, by bisection: the gain rises with g (more attacks make readiness worth more). */
function flip(): number {
  let [lo, hi] = [MIN, MAX];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (gainOfReady(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

const uncertain = `
uncertainty:
  actors.a.tracks.air.genuine:
    dist: uniform
    min: ${MIN}
    max: ${MAX}
    assumption: 'a range across the flip of the test'
`;

function load(extra: string) {
  const loaded = loadScenarioText(readFileSync(FILE, 'utf8') + extra, { source: 'uncertain.yaml' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

describe('P(equilibrium) under parameter uncertainty', async () => {
  const g = flip();
  const share = (MAX - g) / (MAX - MIN);
  const result = await playGame(load(uncertain), {
    runs: 2000,
    resamples: 200,
    parameterSets: 64,
    parameterRuns: 1000,
  });
  const [cc, cr, rc, rr] = result.profiles;

  it('straddles the flip: the closed form is neither 0 nor 1', () => {
    expect(gainOfReady(MIN)).toBeLessThan(0);
    expect(gainOfReady(MAX)).toBeGreaterThan(0);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.9);
  });

  it('matches the share of the range on each side of the flip, inside its interval', () => {
    const over = result.parameterUncertainty;
    expect(over?.parameterSets).toBe(64);
    expect(over?.parameters).toEqual(['actors.a.tracks.air.genuine']);
    const p = rr.parameterEquilibriumProbability;
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.stderr).toBeGreaterThan(0);
    expect(Math.abs(p.estimate - share)).toBeLessThanOrEqual(Z999 * p.stderr);
    // The Monte Carlo alone, at g_a = 0.2, is sure of (ready, ready): the parameter is what doubts it.
    expect(rr.equilibrium).toBe(true);
    expect(rr.equilibriumProbability).toBeGreaterThan(0.99);
    expect(cc.parameterEquilibriumProbability?.estimate).toBeGreaterThan(0.99);
    for (const never of [cr, rc]) expect(never.parameterEquilibriumProbability?.estimate).toBe(0);
    // At the baseline both pure equilibria hold; a set keeps both exactly when g_a is above g*.
    const same = over?.sameAsBaseline;
    expect(same && Math.abs(same.estimate - share)).toBeLessThanOrEqual(Z999 * (same?.stderr ?? 0));
  });

  it('is off with no parameter sets, or with no uncertainty declared', async () => {
    const off = await playGame(load(uncertain), { runs: 200, resamples: 20, parameterSets: 0 });
    const none = await playGame(load(''), { runs: 200, resamples: 20 });
    for (const r of [off, none]) {
      expect(r.parameterUncertainty).toBeNull();
      expect(r.profiles.every((p) => p.parameterEquilibriumProbability === null)).toBe(true);
      expect(r.partial).toBeNull();
    }
  });
});
