import {
  CAUSE_OF_ORIGIN,
  COUNT_NAMES,
  Flag,
  FLAG_NAMES,
  ORIGIN_COUNT,
  type TrialOutcome,
} from '../engine/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';

/**
 * Sufficient statistics of a run, constant in size whatever the number of trials. Every field is
 * an integer sum (times in whole milliseconds, their squares in a bigint), so merging partial runs
 * (workers, shards) gives exactly the statistics of one run, in any order. Count sums are exact
 * while below 2^53.
 */
export class RunStatistics {
  trials = 0;
  nuclearUse = 0;
  readonly byOrigin = new Float64Array(ORIGIN_COUNT);
  readonly byCause = new Float64Array(CAUSES.length);
  /** By the cause of the chain that put the first user on the rung it acted from (its root). */
  readonly byRootCause = new Float64Array(CAUSES.length);
  readonly byUser: Float64Array;
  /** highestRung[a * RUNGS.length + r]: trials where actor a's highest rung was r. */
  readonly highestRung: Float64Array;
  readonly countSum = new Float64Array(COUNT_NAMES.length);
  readonly countSumSquares = new Float64Array(COUNT_NAMES.length);
  /** Sum and sum of squares of the time of first use in whole milliseconds, over trials with use. */
  useMsSum = 0;
  useMsSumSquares = 0n;
  /** Trials with each outcome flag (FLAG_NAMES). */
  readonly flags = new Float64Array(FLAG_NAMES.length);
  /** Sum and sum of squares of the time from first use to general war, whole ms, over such trials. */
  warGapMsSum = 0;
  warGapMsSumSquares = 0n;

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
      this.byRootCause[CAUSE_OF_ORIGIN[o.rootOrigin]]++;
      this.byUser[o.user]++;
      const ms = Math.round(o.time * MS_PER_MINUTE);
      this.useMsSum += ms;
      this.useMsSumSquares += BigInt(ms) * BigInt(ms);
    }
    for (let a = 0; a < this.actorCount; a++)
      this.highestRung[a * RUNGS.length + o.highestRung[a]]++;
    const f = o.flags;
    for (let i = 0; i < f.length; i++) this.flags[i] += f[i];
    if (f[Flag.generalWar] === 1) {
      const gap = Math.round(o.generalWarTime * MS_PER_MINUTE) - Math.round(o.time * MS_PER_MINUTE);
      this.warGapMsSum += gap;
      this.warGapMsSumSquares += BigInt(gap) * BigInt(gap);
    }
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
    addInto(this.byRootCause, other.byRootCause);
    addInto(this.byUser, other.byUser);
    addInto(this.highestRung, other.highestRung);
    addInto(this.countSum, other.countSum);
    addInto(this.countSumSquares, other.countSumSquares);
    this.useMsSum += other.useMsSum;
    this.useMsSumSquares += other.useMsSumSquares;
    addInto(this.flags, other.flags);
    this.warGapMsSum += other.warGapMsSum;
    this.warGapMsSumSquares += other.warGapMsSumSquares;
  }

  /** Sum of the times from first use to general war, minutes, and of their squares. */
  get warGapSum(): number {
    return this.warGapMsSum / MS_PER_MINUTE;
  }

  get warGapSumSquares(): number {
    return Number(this.warGapMsSumSquares) / (MS_PER_MINUTE * MS_PER_MINUTE);
  }

  /** Sum of the times of first use, minutes. */
  get useTimeSum(): number {
    return this.useMsSum / MS_PER_MINUTE;
  }

  /** Sum of the squared times of first use, minutes². */
  get useTimeSumSquares(): number {
    return Number(this.useMsSumSquares) / (MS_PER_MINUTE * MS_PER_MINUTE);
  }

  /** Plain JSON (the bigint as a decimal string), for worker messages and shard files. */
  toJSON(): RunStatisticsJson {
    return {
      actorCount: this.actorCount,
      trials: this.trials,
      nuclearUse: this.nuclearUse,
      byOrigin: Array.from(this.byOrigin),
      byCause: Array.from(this.byCause),
      byRootCause: Array.from(this.byRootCause),
      byUser: Array.from(this.byUser),
      highestRung: Array.from(this.highestRung),
      countSum: Array.from(this.countSum),
      countSumSquares: Array.from(this.countSumSquares),
      useMsSum: this.useMsSum,
      useMsSumSquares: this.useMsSumSquares.toString(),
      flags: Array.from(this.flags),
      warGapMsSum: this.warGapMsSum,
      warGapMsSumSquares: this.warGapMsSumSquares.toString(),
    };
  }

  static fromJSON(json: RunStatisticsJson): RunStatistics {
    const stats = new RunStatistics(json.actorCount);
    stats.trials = json.trials;
    stats.nuclearUse = json.nuclearUse;
    stats.byOrigin.set(json.byOrigin);
    stats.byCause.set(json.byCause);
    stats.byRootCause.set(json.byRootCause);
    stats.byUser.set(json.byUser);
    stats.highestRung.set(json.highestRung);
    stats.countSum.set(json.countSum);
    stats.countSumSquares.set(json.countSumSquares);
    stats.useMsSum = json.useMsSum;
    stats.useMsSumSquares = BigInt(json.useMsSumSquares);
    stats.flags.set(json.flags);
    stats.warGapMsSum = json.warGapMsSum;
    stats.warGapMsSumSquares = BigInt(json.warGapMsSumSquares);
    return stats;
  }
}

export interface RunStatisticsJson {
  readonly actorCount: number;
  readonly trials: number;
  readonly nuclearUse: number;
  readonly byOrigin: readonly number[];
  readonly byCause: readonly number[];
  readonly byRootCause: readonly number[];
  readonly byUser: readonly number[];
  readonly highestRung: readonly number[];
  readonly countSum: readonly number[];
  readonly countSumSquares: readonly number[];
  readonly useMsSum: number;
  readonly useMsSumSquares: string;
  readonly flags: readonly number[];
  readonly warGapMsSum: number;
  readonly warGapMsSumSquares: string;
}

const MS_PER_MINUTE = 60_000;

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i];
}
