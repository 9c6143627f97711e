import type { GameDeclaration, StrikeMap } from '../scenario/index.ts';
import { perProfile, Slot, type GameLayout } from './game-chunk.ts';

/** Both players' payoff matrices, and each side's credibility per profile (null without deterrence). */
export interface Payoffs {
  readonly a: number[][];
  readonly b: number[][];
  /** credibility[k] = [first player's, second player's] P(answered | struck) at profile k. */
  readonly credibility: (readonly [number, number])[] | null;
}

/** The other side's P(strike) at credibility c: linear between the ends, or logistic through them. */
export function strikeProbability(map: StrikeMap, c: number): number {
  const { atNoCredibility: s0, atFullCredibility: s1 } = map;
  if (map.shape === 'linear') return s0 + (s1 - s0) * c;
  const logit = (p: number) => Math.log(p / (1 - p));
  return 1 / (1 + Math.exp(-(logit(s0) + (logit(s1) - logit(s0)) * c)));
}

/**
 * Payoffs from the indicator means of every profile (see `Slot` for their order): each player's
 * −Σ cost × P over accidental use, general war and an unanswered attack on its own side, and with
 * deterrence −s(c) × (cost of being struck + cost of the exchange × c), where c is the player's
 * credibility, P(it answered | the other side struck) in that profile's strike variant, and s the
 * declared strike map. The crisis and the strike are weighed as separate risks: a player facing a
 * credible answer is struck less often, and pays for the exchange when it answers.
 */
export function gamePayoffs(
  means: ArrayLike<number>,
  layout: GameLayout,
  game: GameDeclaration,
  cols: number,
): Payoffs {
  const per = perProfile(layout);
  const rows = layout.profiles / cols;
  const a: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const b: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const credibility: [number, number][] | null = layout.deterrence ? [] : null;
  for (let k = 0; k < layout.profiles; k++) {
    const at = k * per;
    const acc = means[at + Slot.accidentalUse];
    const war = means[at + Slot.generalWar];
    // Each player weighs the attack on its own side; accidents and general war are everyone's.
    const cost = game.weights.map(
      (w, p) =>
        w.accidentalUse * acc +
        w.generalWar * war +
        w.unansweredAttack * means[at + Slot.unansweredOn + p],
    );
    const deterrence = game.deterrence;
    if (deterrence && credibility) {
      // Variant 0: the first player strikes, so it measures the second player's answer; and back.
      const ratio = (hit: number, of: number) => (of > 0 ? Math.min(1, hit / of) : 0);
      const c1 = ratio(means[at + Slot.retaliated], means[at + Slot.strike]);
      const c0 = ratio(means[at + Slot.retaliated + 2], means[at + Slot.strike + 2]);
      credibility.push([c0, c1]);
      [c0, c1].forEach((c, p) => {
        const w = game.weights[p];
        cost[p] +=
          strikeProbability(deterrence.strike, c) *
          (w.disarmingStrike + w.retaliationAfterStrike * c);
      });
    }
    a[Math.floor(k / cols)][k % cols] = -cost[0];
    b[Math.floor(k / cols)][k % cols] = -cost[1];
  }
  return { a, b, credibility };
}
