import { CAUSE_OF_ORIGIN, Flag, type TrialOutcome } from '../engine/index.ts';
import { CAUSES } from '../scenario/index.ts';
import type { CompiledArm } from './compare-chunk.ts';

/** Outcomes of a profile's own arm, in this order (the unanswered attack on either side). */
export const PROFILE_OUTCOMES = ['accidentalUse', 'generalWar', 'unansweredAttack'] as const;
/** Per strike variant (first player strikes, then second): did it happen, was it answered. */
export const STRIKE_OUTCOMES = ['strike', 'retaliated'] as const;

/**
 * Offsets of a profile's indicators: its outcomes, then a genuine attack unanswered on each
 * player's own side (first, second: what each player's payoff weighs), then per strike variant s
 * the strike and its answer at `strike + 2 s`, `retaliated + 2 s`.
 */
export const Slot = {
  accidentalUse: 0,
  generalWar: 1,
  unansweredAttack: 2,
  unansweredOn: 3,
  strike: 5,
  retaliated: 6,
} as const;

/** Where a profile's indicators sit in the per-trial vector. */
export interface GameLayout {
  readonly profiles: number;
  /** Each profile also runs two strike variants (the first player strikes, the second). */
  readonly deterrence: boolean;
}

/** Arms per profile: its own, then the two strike variants when deterrence is declared. */
export const armsPerProfile = (l: GameLayout) => (l.deterrence ? 3 : 1);
/** Indicators per profile. */
export const perProfile = (l: GameLayout) =>
  Slot.strike + (l.deterrence ? 2 * STRIKE_OUTCOMES.length : 0);
export const dimension = (l: GameLayout) => l.profiles * perProfile(l);
/** Index of (a, b), a ≤ b, in a packed upper triangle of side d. */
export const packed = (a: number, b: number, d: number) => a * d - (a * (a - 1)) / 2 + (b - a);

/** Sums of the per-trial indicators and of their pairwise products (packed upper triangle). */
export interface GameChunkResult {
  readonly trials: number;
  readonly sums: readonly number[];
  readonly cross: readonly number[];
}

const DELIBERATE = CAUSES.indexOf('deliberate');

/**
 * Trials [start, end) of every profile's arms on the same (seed, trial) streams, summing each
 * outcome indicator and every product of two: the means and the full covariance across profiles,
 * so unilateral deviations are paired and payoffs can be resampled with their correlation.
 * Indicators are 0/1, so only products of the few that are 1 in a trial are added.
 */
export function gameChunk(
  arms: readonly CompiledArm[],
  layout: GameLayout,
  seed: number,
  start: number,
  end: number,
): GameChunkResult {
  const d = dimension(layout);
  const per = perProfile(layout);
  const perArm = armsPerProfile(layout);
  const sums = new Float64Array(d);
  const cross = new Float64Array((d * (d + 1)) / 2);
  const on = new Int32Array(d);
  for (let trial = start; trial < end; trial++) {
    let count = 0;
    for (let k = 0; k < layout.profiles; k++) {
      const base = k * per;
      const own = arms[k * perArm].simulator.run(seed, trial);
      if (accidental(own)) on[count++] = base + Slot.accidentalUse;
      if (own.flags[Flag.generalWar] === 1) on[count++] = base + Slot.generalWar;
      if (own.flags[Flag.unansweredAttack] === 1) on[count++] = base + Slot.unansweredAttack;
      for (let p = 0; p < 2; p++) {
        if (own.unansweredOn[p] === 1) on[count++] = base + Slot.unansweredOn + p;
      }
      for (let s = 0; s < perArm - 1; s++) {
        const o = arms[k * perArm + 1 + s].simulator.run(seed, trial);
        if (o.flags[Flag.disarmingStrike] !== 1) continue;
        on[count++] = base + Slot.strike + 2 * s;
        if (o.flags[Flag.strikeRetaliated] === 1) on[count++] = base + Slot.retaliated + 2 * s;
      }
    }
    for (let x = 0; x < count; x++) {
      sums[on[x]]++;
      for (let y = x; y < count; y++) cross[packed(on[x], on[y], d)]++;
    }
  }
  return { trials: end - start, sums: Array.from(sums), cross: Array.from(cross) };
}

function accidental(o: TrialOutcome): boolean {
  return o.nuclearUse === 1 && CAUSE_OF_ORIGIN[o.origin] !== DELIBERATE;
}

/** Consecutive chunks as one: every sum added exactly (integers below 2^53). */
export function combineGameChunks(parts: readonly GameChunkResult[]): GameChunkResult {
  const sums = [...parts[0].sums];
  const cross = [...parts[0].cross];
  let trials = parts[0].trials;
  for (const part of parts.slice(1)) {
    trials += part.trials;
    part.sums.forEach((x, i) => (sums[i] += x));
    part.cross.forEach((x, i) => (cross[i] += x));
  }
  return { trials, sums, cross };
}
