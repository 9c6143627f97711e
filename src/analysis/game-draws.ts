import type { Difference } from '../estimate/index.ts';
import type { GameDeclaration } from '../scenario/index.ts';
import type { GameChunkResult, GameLayout } from './game-chunk.ts';
import { gamePayoffs, type Payoffs } from './game-payoffs.ts';
import { MeanResampler } from './game-resampler.ts';

/** The point payoffs and R resampled payoff matrices of a game. */
export interface PayoffDraws {
  readonly point: Payoffs;
  readonly draws: readonly Payoffs[];
}

/**
 * Payoffs at the estimated means and at `resamples` draws of the means (see MeanResampler), on
 * resampling stream `index` (0 for the game as declared, j + 1 for parameter set j).
 */
export function payoffDraws(
  totals: GameChunkResult,
  layout: GameLayout,
  game: GameDeclaration,
  seed: number,
  resamples: number,
  index = 0,
): PayoffDraws {
  const cols = game.strategies[1].length;
  const resampler = new MeanResampler(totals, seed, index);
  const point = gamePayoffs(resampler.means, layout, game, cols);
  const buffer = new Float64Array(resampler.means.length);
  const draws: Payoffs[] = [];
  for (let r = 0; r < resamples; r++) {
    resampler.draw(buffer);
    draws.push(gamePayoffs(buffer, layout, game, cols));
  }
  return { point, draws };
}

/** A point estimate with the spread of its draws: sd as stderr, the 2.5–97.5% quantiles as interval. */
export function fromDraws(estimate: number, values: readonly number[]): Difference {
  if (values.length < 2) return { estimate, stderr: 0, ci95: [estimate, estimate] };
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  const sorted = [...values].sort((x, y) => x - y);
  return {
    estimate,
    stderr: Math.sqrt(variance),
    ci95: [quantile(sorted, 0.025), quantile(sorted, 0.975)],
  };
}

/** Linear-interpolation quantile of sorted values (type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Share of draws for which `test` holds. */
export function share<T>(draws: readonly T[], test: (d: T) => boolean): number {
  if (draws.length === 0) return 0;
  return draws.reduce((n, d) => n + (test(d) ? 1 : 0), 0) / draws.length;
}
