import { CAUSE_OF_ORIGIN, COUNT_NAMES, ORIGIN_COUNT, type TrialOutcome } from '../engine/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';
import { ExactSum } from '../util/index.ts';

/** A weighted sum and the sum of squared weighted terms: a mean and its standard error. */
export class Moment {
  readonly sum = new ExactSum();
  readonly squares = new ExactSum();

  add(weighted: number): void {
    this.sum.add(weighted);
    this.squares.add(weighted * weighted);
  }

  merge(other: Moment): void {
    this.sum.merge(other.sum);
    this.squares.merge(other.squares);
  }

  toJSON(): MomentJson {
    return [this.sum.toJSON(), this.squares.toJSON()];
  }

  static fromJSON(json: MomentJson): Moment {
    const m = new Moment();
    m.sum.merge(ExactSum.fromJSON(json[0]));
    m.squares.merge(ExactSum.fromJSON(json[1]));
    return m;
  }
}

export type MomentJson = readonly [readonly number[], readonly number[]];

/**
 * Sufficient statistics of an importance-sampled run: for every estimate of a plain run, the sum
 * of w·x and of (w·x)² over trials, where w is the trial's likelihood ratio. Sums are exact
 * (ExactSum), so merging chunks, workers or shards in any order gives the same bits.
 */
export class WeightedStatistics {
  trials = 0;
  /** The weights themselves: their mean is 1 in expectation, a check on the tilt. */
  readonly weight = new Moment();
  readonly nuclearUse = new Moment();
  /** Largest weight of a trial with use: how much one trial carries. */
  maxUseWeight = 0;
  readonly byOrigin: Moment[] = moments(ORIGIN_COUNT);
  readonly byCause: Moment[] = moments(CAUSES.length);
  readonly byRootCause: Moment[] = moments(CAUSES.length);
  readonly byUser: Moment[];
  readonly highestRung: Moment[];
  readonly counts: Moment[] = moments(COUNT_NAMES.length);
  /** Over trials with use: sum of w·t, of w²·t and of w²·t² (t in days), for the ratio estimate. */
  readonly useDays = new ExactSum();
  readonly useDaysW2 = new ExactSum();
  readonly useDaysSquaresW2 = new ExactSum();

  constructor(readonly actorCount: number) {
    this.byUser = moments(actorCount);
    this.highestRung = moments(actorCount * RUNGS.length);
  }

  add(o: TrialOutcome): void {
    const w = Math.exp(o.logWeight);
    this.trials++;
    this.weight.add(w);
    if (o.nuclearUse === 1) {
      this.nuclearUse.add(w);
      if (w > this.maxUseWeight) this.maxUseWeight = w;
      this.byOrigin[o.origin].add(w);
      this.byCause[CAUSE_OF_ORIGIN[o.origin]].add(w);
      this.byRootCause[CAUSE_OF_ORIGIN[o.rootOrigin]].add(w);
      this.byUser[o.user].add(w);
      const days = o.time / 1440;
      this.useDays.add(w * days);
      this.useDaysW2.add(w * w * days);
      this.useDaysSquaresW2.add(w * w * days * days);
    }
    for (let a = 0; a < this.actorCount; a++)
      this.highestRung[a * RUNGS.length + o.highestRung[a]].add(w);
    const c = o.counts;
    for (let i = 0; i < c.length; i++) if (c[i] !== 0) this.counts[i].add(w * c[i]);
  }

  merge(other: WeightedStatistics): void {
    this.trials += other.trials;
    this.weight.merge(other.weight);
    this.nuclearUse.merge(other.nuclearUse);
    this.maxUseWeight = Math.max(this.maxUseWeight, other.maxUseWeight);
    mergeAll(this.byOrigin, other.byOrigin);
    mergeAll(this.byCause, other.byCause);
    mergeAll(this.byRootCause, other.byRootCause);
    mergeAll(this.byUser, other.byUser);
    mergeAll(this.highestRung, other.highestRung);
    mergeAll(this.counts, other.counts);
    this.useDays.merge(other.useDays);
    this.useDaysW2.merge(other.useDaysW2);
    this.useDaysSquaresW2.merge(other.useDaysSquaresW2);
  }

  toJSON(): WeightedStatisticsJson {
    const all = (ms: Moment[]) => ms.map((m) => m.toJSON());
    return {
      actorCount: this.actorCount,
      trials: this.trials,
      weight: this.weight.toJSON(),
      nuclearUse: this.nuclearUse.toJSON(),
      maxUseWeight: this.maxUseWeight,
      byOrigin: all(this.byOrigin),
      byCause: all(this.byCause),
      byRootCause: all(this.byRootCause),
      byUser: all(this.byUser),
      highestRung: all(this.highestRung),
      counts: all(this.counts),
      useDays: [this.useDays.toJSON(), this.useDaysW2.toJSON(), this.useDaysSquaresW2.toJSON()],
    };
  }

  static fromJSON(json: WeightedStatisticsJson): WeightedStatistics {
    const s = new WeightedStatistics(json.actorCount);
    const load = (target: Moment[], source: readonly MomentJson[]) =>
      source.forEach((m, i) => target[i].merge(Moment.fromJSON(m)));
    s.trials = json.trials;
    s.weight.merge(Moment.fromJSON(json.weight));
    s.nuclearUse.merge(Moment.fromJSON(json.nuclearUse));
    s.maxUseWeight = json.maxUseWeight;
    load(s.byOrigin, json.byOrigin);
    load(s.byCause, json.byCause);
    load(s.byRootCause, json.byRootCause);
    load(s.byUser, json.byUser);
    load(s.highestRung, json.highestRung);
    load(s.counts, json.counts);
    s.useDays.merge(ExactSum.fromJSON(json.useDays[0]));
    s.useDaysW2.merge(ExactSum.fromJSON(json.useDays[1]));
    s.useDaysSquaresW2.merge(ExactSum.fromJSON(json.useDays[2]));
    return s;
  }
}

export interface WeightedStatisticsJson {
  readonly actorCount: number;
  readonly trials: number;
  readonly weight: MomentJson;
  readonly nuclearUse: MomentJson;
  readonly maxUseWeight: number;
  readonly byOrigin: readonly MomentJson[];
  readonly byCause: readonly MomentJson[];
  readonly byRootCause: readonly MomentJson[];
  readonly byUser: readonly MomentJson[];
  readonly highestRung: readonly MomentJson[];
  readonly counts: readonly MomentJson[];
  readonly useDays: readonly [readonly number[], readonly number[], readonly number[]];
}

function moments(n: number): Moment[] {
  return Array.from({ length: n }, () => new Moment());
}

function mergeAll(target: Moment[], source: readonly Moment[]): void {
  for (let i = 0; i < target.length; i++) target[i].merge(source[i]);
}
