import { CAUSE_OF_ORIGIN, COUNT_NAMES, ORIGIN_COUNT, type TrialOutcome } from '../engine/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';

/**
 * Sufficient statistics of a run, constant in size whatever the number of trials. Everything but
 * the time sums is an integer count, so merging partial runs is exact.
 */
export class RunStatistics {
  trials = 0;
  nuclearUse = 0;
  readonly byOrigin = new Float64Array(ORIGIN_COUNT);
  readonly byCause = new Float64Array(CAUSES.length);
  readonly byUser: Float64Array;
  /** highestRung[a * RUNGS.length + r]: trials where actor a's highest rung was r. */
  readonly highestRung: Float64Array;
  readonly countSum = new Float64Array(COUNT_NAMES.length);
  readonly countSumSquares = new Float64Array(COUNT_NAMES.length);
  /** Sum and sum of squares of the time of first use (minutes), over trials with use. */
  useTimeSum = 0;
  useTimeSumSquares = 0;

  constructor(readonly actorCount: number) {
    this.byUser = new Float64Array(actorCount);
    this.highestRung = new Float64Array(actorCount * RUNGS.length);
  }

  add(o: TrialOutcome): void {
    this.trials++;
    if (o.nuclearUse === 1) {
      this.nuclearUse++;
      this.byOrigin[o.origin]++;
      this.byCause[CAUSE_OF_ORIGIN[o.origin]]++;
      this.byUser[o.user]++;
      this.useTimeSum += o.time;
      this.useTimeSumSquares += o.time * o.time;
    }
    for (let a = 0; a < this.actorCount; a++)
      this.highestRung[a * RUNGS.length + o.highestRung[a]]++;
    const c = o.counts;
    for (let i = 0; i < c.length; i++) {
      this.countSum[i] += c[i];
      this.countSumSquares[i] += c[i] * c[i];
    }
  }

  merge(other: RunStatistics): void {
    this.trials += other.trials;
    this.nuclearUse += other.nuclearUse;
    addInto(this.byOrigin, other.byOrigin);
    addInto(this.byCause, other.byCause);
    addInto(this.byUser, other.byUser);
    addInto(this.highestRung, other.highestRung);
    addInto(this.countSum, other.countSum);
    addInto(this.countSumSquares, other.countSumSquares);
    this.useTimeSum += other.useTimeSum;
    this.useTimeSumSquares += other.useTimeSumSquares;
  }
}

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}
