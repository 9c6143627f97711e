import type { GameDeclaration } from '../scenario/index.ts';
import type { GameChunkResult, GameLayout } from './game-chunk.ts';
import { payoffDraws, share } from './game-draws.ts';
import { pureEquilibria } from './nash-equilibria.ts';
import type { Estimated } from './uncertainty.ts';

/** What one parameter set's game says of each profile. */
export interface GameSetOutcome {
  /** Pure equilibria (profile indices, row-major) at the set's estimated payoffs. */
  readonly pure: readonly number[];
  /** Per profile: the share of the set's resampled payoff matrices in which it is a pure equilibrium. */
  readonly shares: readonly number[];
}

/** P(equilibrium) when the declared parameters are uncertain as well as the Monte Carlo. */
export interface GameParameterUncertainty {
  /** The uncertain parameters drawn (the scenario's `uncertainty` block). */
  readonly parameters: readonly string[];
  /** Parameter sets played, and planned (fewer only when stopped). */
  readonly parameterSets: number;
  readonly planned: number;
  /** Trials of every arm at each parameter set. */
  readonly runs: number;
  /** Resampled payoff matrices at each parameter set. */
  readonly resamples: number;
  /**
   * Per profile (row-major): the mean over parameter sets of the share of that set's resampled
   * payoffs in which it is a pure equilibrium, with its standard error over the sets.
   */
  readonly equilibriumProbability: readonly Estimated[];
  /** Share of parameter sets whose pure equilibria (at their estimates) are exactly the baseline's. */
  readonly sameAsBaseline: Estimated;
}

/**
 * One parameter set's game: its pure equilibria at the estimated payoffs and, per profile, the
 * share of `resamples` payoff matrices redrawn within the set's Monte Carlo error (its own
 * resampling stream, `index`) in which the profile is a pure equilibrium.
 */
export function gameSetOutcome(
  totals: GameChunkResult,
  layout: GameLayout,
  game: GameDeclaration,
  seed: number,
  index: number,
  resamples: number,
): GameSetOutcome {
  const cols = game.strategies[1].length;
  const { point, draws } = payoffDraws(totals, layout, game, seed, resamples, index);
  const flat = (eq: [number, number][]) => eq.map(([i, j]) => i * cols + j);
  const drawn = draws.map((d) => new Set(flat(pureEquilibria(d.a, d.b))));
  return {
    pure: flat(pureEquilibria(point.a, point.b)),
    shares: Array.from({ length: layout.profiles }, (_, k) => share(drawn, (s) => s.has(k))),
  };
}

/**
 * Two-level summary over parameter sets drawn from the declared distributions: each set ran on
 * its own trials, so the sets are independent and a mean over them has error sd / √N. Averaging
 * each set's resampled share keeps the Monte Carlo error inside each set in the probability.
 */
export function summarizeParameterSets(
  baselinePure: readonly number[],
  sets: readonly GameSetOutcome[],
  meta: {
    parameters: readonly string[];
    planned: number;
    runs: number;
    resamples: number;
    profiles: number;
  },
): GameParameterUncertainty {
  const same = sets.map((s) => (sameProfiles(s.pure, baselinePure) ? 1 : 0));
  return {
    parameters: meta.parameters,
    parameterSets: sets.length,
    planned: meta.planned,
    runs: meta.runs,
    resamples: meta.resamples,
    equilibriumProbability: Array.from({ length: meta.profiles }, (_, k) =>
      meanWithError(sets.map((s) => s.shares[k])),
    ),
    sameAsBaseline: meanWithError(same),
  };
}

function sameProfiles(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/** Mean and its standard error, sd / √n (0 with fewer than two values). */
function meanWithError(xs: readonly number[]): Estimated {
  const n = xs.length;
  if (n === 0) return { estimate: 0, stderr: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { estimate: mean, stderr: 0 };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { estimate: mean, stderr: Math.sqrt(variance / n) };
}
