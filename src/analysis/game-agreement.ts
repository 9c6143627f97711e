import type { Difference } from '../estimate/index.ts';
import type { GameDeclaration } from '../scenario/index.ts';
import { fromDraws, share, type PayoffDraws } from './game-draws.ts';
import type { Payoffs } from './game-payoffs.ts';

/** A verified mutual restraint: when breaching it does not pay. */
export interface AgreementResult {
  /** The restraint strategy of each player, and its profile index. */
  readonly restraint: readonly [string, string];
  readonly profile: number;
  /** Each player's gain from its best breach, the other keeping to the agreement (< 0: breaching loses). */
  readonly gains: readonly [Difference, Difference];
  /** Each player's best breach (by the point estimate). */
  readonly bestBreach: readonly [string, string];
  /**
   * v × penalty the agreement needs to hold, max(gain, 0) over the players: verified with
   * probability v and fined `penalty` when caught, a breach gains gain − v × penalty.
   */
  readonly threshold: Difference;
  /** P(over the resampled payoffs) that the restraint holds with no verification at all. */
  readonly holdsUnverified: number;
  /** P(self-enforcing) at each verification probability (columns) and penalty (rows). */
  readonly grid: {
    readonly verification: readonly number[];
    readonly penalty: readonly number[];
    readonly probability: readonly (readonly number[])[];
  };
}

const GRID = 21;

/**
 * For which verification probability v and penalty the declared restraint is self-enforcing: each
 * player's best breach gains at most v × penalty (a one-shot breach caught with probability v; the
 * other side keeps the agreement). Probabilities over the resampled payoffs.
 */
export function agreementAnalysis(
  game: GameDeclaration,
  payoffs: PayoffDraws,
): AgreementResult | null {
  if (game.agreement === null) return null;
  const [r0, r1] = game.agreement;
  const cols = game.strategies[1].length;
  const gain = (p: Payoffs): [number, number] => {
    const keep0 = p.a[r0][r1];
    const keep1 = p.b[r0][r1];
    // Only a change is a breach: the best of the other strategies (0 gain with no other one).
    const others0 = p.a.flatMap((row, i) => (i === r0 ? [] : [row[r1]]));
    const others1 = p.b[r0].filter((_, j) => j !== r1);
    const best0 = others0.length > 0 ? Math.max(...others0) : keep0;
    const best1 = others1.length > 0 ? Math.max(...others1) : keep1;
    return [best0 - keep0, best1 - keep1];
  };
  const point = gain(payoffs.point);
  const drawn = payoffs.draws.map(gain);
  const need = (g: readonly [number, number]) => Math.max(0, g[0], g[1]);
  const threshold = fromDraws(need(point), drawn.map(need));
  const top = Math.max(threshold.ci95[1], threshold.estimate) * 2 || 1;
  const verification = Array.from({ length: GRID }, (_, i) => i / (GRID - 1));
  const penalty = Array.from({ length: GRID }, (_, i) => (top * i) / (GRID - 1));
  const probability = penalty.map((f) =>
    verification.map((v) => share(drawn, (g) => need(g) <= v * f)),
  );
  const argmax = (xs: readonly number[], skip: number) =>
    xs.reduce((best, x, i) => (i !== skip && (best < 0 || x > xs[best]) ? i : best), -1);
  const breach = (p: 0 | 1, i: number) => (i < 0 ? 'none' : game.strategies[p][i].name);
  return {
    restraint: [game.strategies[0][r0].name, game.strategies[1][r1].name],
    profile: r0 * cols + r1,
    gains: [0, 1].map((p) =>
      fromDraws(
        point[p],
        drawn.map((g) => g[p]),
      ),
    ) as [Difference, Difference],
    bestBreach: [
      breach(
        0,
        argmax(
          payoffs.point.a.map((row) => row[r1]),
          r0,
        ),
      ),
      breach(1, argmax(payoffs.point.b[r0], r1)),
    ],
    threshold,
    holdsUnverified: share(drawn, (g) => need(g) <= 0),
    grid: { verification, penalty, probability },
  };
}
