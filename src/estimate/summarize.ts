import { COUNT_NAMES, Flag, Origin, type CountName } from '../engine/index.ts';
import { CAUSES, RUNGS, type Cause, type Rung } from '../scenario/index.ts';
import { estimateMean, type MeanEstimate } from './mean.ts';
import { estimateProportion, type ProportionEstimate } from './proportion.ts';
import type { RunStatistics } from './run-statistics.ts';

/** Every estimate of a run, each with its uncertainty. Plain data: serialises to JSON as is. */
export interface RunSummary {
  readonly nuclearUse: ProportionEstimate;
  readonly byCause: Readonly<Record<Cause, ProportionEstimate>>;
  /**
   * P(use) by its root: the cause of the chain that put the side that used on the rung it acted
   * from (a decapitation misread at a nuclear alert a false alarm raised has root false_alarm).
   */
  readonly byRootCause: Readonly<Record<Cause, ProportionEstimate>>;
  /** P(use) by the originating event: the false-alarm cause split into sensor and benign. */
  readonly byOrigin: Readonly<Record<string, ProportionEstimate>>;
  /** P(this actor used first). */
  readonly firstUse: Readonly<Record<string, ProportionEstimate>>;
  /** Days from the start of the crisis to the first use, among trials with use. */
  readonly daysToUse: MeanEstimate | null;
  /** P(highest rung reached = r), per actor. */
  readonly highestRung: Readonly<Record<string, Readonly<Record<Rung, ProportionEstimate>>>>;
  /** Mean per trial of each explanatory count. */
  readonly counts: Readonly<Record<CountName, MeanEstimate>>;
  /**
   * The rest of the ledger, per crisis: P(a genuine attack met no response before impact), and
   * after a first use P(general nuclear war) and P(the other side retaliated), with the days from
   * first use to general war. Null under importance sampling, whose trials end at the first use.
   */
  readonly unansweredAttack: ProportionEstimate | null;
  readonly generalWar: ProportionEstimate | null;
  readonly retaliation: ProportionEstimate | null;
  readonly daysFromUseToGeneralWar: MeanEstimate | null;
  /**
   * Where a scenario declares a disarming strike: P(it was launched in a crisis), and among the
   * crises where it was, P(its target used nuclear weapons after it). Null under importance
   * sampling, and the second without a strike.
   */
  readonly disarmingStrike: ProportionEstimate | null;
  readonly retaliationAfterStrike: ProportionEstimate | null;
}

const MINUTES_PER_DAY = 1440;

/**
 * Each part of a summary estimated from some statistics: plain counts (`summarize`) or
 * likelihood-weighted sums (`summarizeWeighted`). Indices as in the statistics' arrays.
 */
export interface SummarySource {
  readonly nuclearUse: ProportionEstimate;
  cause(index: number): ProportionEstimate;
  rootCause(index: number): ProportionEstimate;
  origin(code: number): ProportionEstimate;
  user(actor: number): ProportionEstimate;
  /** P(highest rung of actor a = r), at index a * RUNGS.length + r. */
  rung(index: number): ProportionEstimate;
  count(index: number): MeanEstimate;
  readonly daysToUse: MeanEstimate | null;
  /** P(outcome flag i), or null where the source cannot estimate it. */
  flag(index: number): ProportionEstimate | null;
  readonly daysFromUseToGeneralWar: MeanEstimate | null;
  readonly retaliationAfterStrike: ProportionEstimate | null;
}

/** A run's summary from its source of estimates, keyed by the names results use. */
export function summaryFrom(actorIds: readonly string[], s: SummarySource): RunSummary {
  return {
    nuclearUse: s.nuclearUse,
    byCause: Object.fromEntries(CAUSES.map((c, i) => [c, s.cause(i)])) as Record<
      Cause,
      ProportionEstimate
    >,
    byRootCause: Object.fromEntries(CAUSES.map((c, i) => [c, s.rootCause(i)])) as Record<
      Cause,
      ProportionEstimate
    >,
    byOrigin: Object.fromEntries(
      Object.entries(Origin)
        .filter(([, code]) => code !== Origin.none)
        .map(([name, code]) => [name, s.origin(code)]),
    ),
    firstUse: Object.fromEntries(actorIds.map((id, a) => [id, s.user(a)])),
    daysToUse: s.daysToUse,
    highestRung: Object.fromEntries(
      actorIds.map((id, a) => [
        id,
        Object.fromEntries(RUNGS.map((r, i) => [r, s.rung(a * RUNGS.length + i)])) as Record<
          Rung,
          ProportionEstimate
        >,
      ]),
    ),
    counts: Object.fromEntries(COUNT_NAMES.map((name, i) => [name, s.count(i)])) as Record<
      CountName,
      MeanEstimate
    >,
    unansweredAttack: s.flag(Flag.unansweredAttack),
    generalWar: s.flag(Flag.generalWar),
    retaliation: s.flag(Flag.retaliation),
    daysFromUseToGeneralWar: s.daysFromUseToGeneralWar,
    disarmingStrike: s.flag(Flag.disarmingStrike),
    retaliationAfterStrike: s.retaliationAfterStrike,
  };
}

export function summarize(stats: RunStatistics, actorIds: readonly string[]): RunSummary {
  const n = stats.trials;
  const proportion = (k: number) => estimateProportion(k, n);
  const use = stats.nuclearUse;
  return summaryFrom(actorIds, {
    nuclearUse: proportion(use),
    cause: (i) => proportion(stats.byCause[i]),
    rootCause: (i) => proportion(stats.byRootCause[i]),
    origin: (code) => proportion(stats.byOrigin[code]),
    user: (a) => proportion(stats.byUser[a]),
    rung: (i) => proportion(stats.highestRung[i]),
    count: (i) => estimateMean(stats.countSum[i], stats.countSumSquares[i], n),
    daysToUse:
      use > 0
        ? estimateMean(
            stats.useTimeSum / MINUTES_PER_DAY,
            stats.useTimeSumSquares / (MINUTES_PER_DAY * MINUTES_PER_DAY),
            use,
          )
        : null,
    flag: (i) => proportion(stats.flags[i]),
    daysFromUseToGeneralWar:
      stats.flags[Flag.generalWar] > 0
        ? estimateMean(
            stats.warGapSum / MINUTES_PER_DAY,
            stats.warGapSumSquares / (MINUTES_PER_DAY * MINUTES_PER_DAY),
            stats.flags[Flag.generalWar],
          )
        : null,
    retaliationAfterStrike:
      stats.flags[Flag.disarmingStrike] > 0
        ? estimateProportion(stats.flags[Flag.strikeRetaliated], stats.flags[Flag.disarmingStrike])
        : null,
  });
}
