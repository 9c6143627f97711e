import { CAUSE_OF_ORIGIN, Flag, type TrialOutcome } from '../engine/index.ts';
import { RunStatistics, type RunStatisticsJson } from '../estimate/index.ts';
import { CAUSES, type Cause } from '../scenario/index.ts';
import type { CompiledArm } from './compare-chunk.ts';

/**
 * The outcome a study follows: any nuclear use, use by one cause, or the other side of the
 * dilemma (a genuine attack unanswered) and general nuclear war.
 */
export type StudyOutcome = 'nuclearUse' | Cause | FlagOutcome;
export type FlagOutcome = 'unansweredAttack' | 'generalWar';

export const STUDY_OUTCOMES: readonly StudyOutcome[] = [
  'nuclearUse',
  ...CAUSES,
  'unansweredAttack',
  'generalWar',
];

/** The outcome flag (codes.ts) a flag outcome reads, or -1 for the others. */
export function flagOf(outcome: StudyOutcome): number {
  return outcome === 'unansweredAttack' || outcome === 'generalWar' ? Flag[outcome] : -1;
}

/** Two arms compared trial by trial: `[first, second]` indices into the arms. */
export type ArmPair = readonly [number, number];

export interface PairedArmsChunkResult {
  /** Each arm's statistics over the chunk. */
  readonly stats: readonly RunStatisticsJson[];
  /** Per pair: trials where the outcome happened under both, the first only, the second only. */
  readonly pairs: readonly (readonly [number, number, number])[];
}

/** 1 when the trial ended in the outcome, else 0. */
export function outcomeIndicator(outcome: StudyOutcome): (o: TrialOutcome) => number {
  if (outcome === 'nuclearUse') return (o) => o.nuclearUse;
  const flag = flagOf(outcome);
  if (flag >= 0) return (o) => o.flags[flag];
  const cause = CAUSES.indexOf(outcome as Cause);
  return (o) => (o.nuclearUse === 1 && CAUSE_OF_ORIGIN[o.origin] === cause ? 1 : 0);
}

/**
 * Trials [start, end) of every arm on the same (seed, trial) streams, with the concordance of the
 * outcome for each pair of arms: the kernel of the tornado (ends against each other and the
 * baseline) and of the Sobol design (a base point's A, B and A_B^i arms), where paired counts give
 * both the difference and the inner Monte Carlo noise of each difference.
 */
export function pairedArmsChunk(
  arms: readonly CompiledArm[],
  pairs: readonly ArmPair[],
  outcome: StudyOutcome,
  seed: number,
  start: number,
  end: number,
): PairedArmsChunkResult {
  const stats = arms.map((a) => new RunStatistics(a.model.actorCount));
  const counts = pairs.map(() => [0, 0, 0] as [number, number, number]);
  const hit = new Uint8Array(arms.length);
  const indicator = outcomeIndicator(outcome);
  for (let trial = start; trial < end; trial++) {
    for (let a = 0; a < arms.length; a++) {
      const o = arms[a].simulator.run(seed, trial);
      stats[a].add(o);
      hit[a] = indicator(o);
    }
    for (let p = 0; p < pairs.length; p++) {
      const x = hit[pairs[p][0]];
      const y = hit[pairs[p][1]];
      if (x === 1 && y === 1) counts[p][0]++;
      else if (x === 1) counts[p][1]++;
      else if (y === 1) counts[p][2]++;
    }
  }
  return { stats: stats.map((s) => s.toJSON()), pairs: counts };
}
