import {
  pairedEstimate,
  pairedWeightedEstimate,
  summarize,
  summarizeWeighted,
  type PairedMoments,
  type RunStatistics,
  type WeightedStatistics,
  type PairCounts,
  type PairedEstimate,
  type ProportionEstimate,
} from '../estimate/index.ts';
import type { Cause, LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';

/** One arm of a comparison: a scenario with safeguards applied. */
export interface Variant {
  readonly name: string;
  readonly safeguards: readonly string[];
  readonly loaded: LoadedScenario;
}

export interface ArmResult {
  readonly name: string;
  readonly safeguards: readonly string[];
  readonly hash: string;
  readonly nuclearUse: ProportionEstimate;
  readonly byCause: Readonly<Record<Cause, ProportionEstimate>>;
  /** P(a genuine attack met no response before impact); null under importance sampling. */
  readonly unansweredAttack: ProportionEstimate | null;
}

export interface VariantResult extends ArmResult, PairedEstimate {
  readonly pairs: PairCounts;
  /**
   * The other side of the dilemma: the paired change in P(unanswered attack), positive when the
   * variant leaves fewer attacks unanswered; null under importance sampling.
   */
  readonly unansweredChange: (PairedEstimate & { readonly pairs: PairCounts }) | null;
}

export interface CompareResult {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  /** Why it stopped: the runs, the baseline's target, the max-runs cap, or a signal. */
  readonly stoppedBy: 'runs' | 'target' | 'maxRuns' | 'aborted';
  /** Plain Monte Carlo, or importance sampling with one tilt for every arm. */
  readonly method: 'plain' | 'importance';
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly baseline: ArmResult;
  /** Sorted by absolute risk reduction, largest first. */
  readonly variants: readonly VariantResult[];
  readonly timing: { readonly seconds: number };
}

/** Merged statistics of a comparison: one per arm (the baseline first) and the paired counts. */
export interface ComparisonTotals {
  readonly stats: readonly RunStatistics[];
  readonly both: readonly number[];
  readonly baselineOnly: readonly number[];
  readonly variantOnly: readonly number[];
  /** Paired counts of trials with an unanswered attack, per variant. */
  readonly unanswered: {
    readonly both: readonly number[];
    readonly baselineOnly: readonly number[];
    readonly variantOnly: readonly number[];
  };
  readonly runs: number;
  readonly stoppedBy: CompareResult['stoppedBy'];
  /** Importance sampling: each arm's weighted statistics and each variant's paired sums. */
  readonly weighted?: readonly WeightedStatistics[] | null;
  readonly paired?: readonly PairedMoments[] | null;
}

/**
 * The comparison's result from its merged statistics: each arm's P(nuclear use) by cause, and each
 * variant's paired risk ratio and risk reduction against the baseline, sorted by effect.
 */
export function summarizeComparison(
  baseline: LoadedScenario,
  variants: readonly Variant[],
  totals: ComparisonTotals,
  seed: number,
  seconds: number,
): CompareResult {
  const done = totals.runs;
  const arms = totals.stats.map((stats, i) => ({
    stats,
    actorIds: Object.keys((i === 0 ? baseline : variants[i - 1].loaded).scenario.actors),
  }));
  const both = totals.both;
  const baselineOnly = totals.baselineOnly;
  const variantOnly = totals.variantOnly;
  const stoppedBy = totals.stoppedBy;
  const armResult = (
    i: number,
    name: string,
    safeguards: readonly string[],
    hash: string,
  ): ArmResult => {
    const weightedArm = totals.weighted?.[i];
    const summary = weightedArm
      ? summarizeWeighted(weightedArm, arms[i].actorIds)
      : summarize(arms[i].stats, arms[i].actorIds);
    return {
      name,
      safeguards,
      hash,
      nuclearUse: summary.nuclearUse,
      byCause: summary.byCause,
      unansweredAttack: summary.unansweredAttack,
    };
  };
  const results = variants.map((v, i): VariantResult => {
    const pairs = {
      both: both[i],
      baselineOnly: baselineOnly[i],
      variantOnly: variantOnly[i],
      trials: done,
    };
    return {
      ...armResult(i + 1, v.name, v.safeguards, v.loaded.hash),
      ...(totals.paired ? pairedWeightedEstimate(totals.paired[i], done) : pairedEstimate(pairs)),
      pairs,
      unansweredChange: totals.weighted ? null : unansweredChange(totals.unanswered, i, done),
    };
  });
  results.sort(
    (p, q) =>
      q.absoluteRiskReduction.estimate - p.absoluteRiskReduction.estimate ||
      p.name.localeCompare(q.name),
  );
  return {
    version: VERSION,
    seed,
    runs: done,
    stoppedBy,
    method: totals.weighted ? 'importance' : 'plain',
    scenario: { name: baseline.scenario.name, hash: baseline.hash },
    baseline: armResult(0, 'baseline', [], baseline.hash),
    variants: results,
    timing: { seconds },
  };
}

function unansweredChange(
  u: ComparisonTotals['unanswered'],
  i: number,
  trials: number,
): PairedEstimate & { readonly pairs: PairCounts } {
  const pairs = {
    both: u.both[i],
    baselineOnly: u.baselineOnly[i],
    variantOnly: u.variantOnly[i],
    trials,
  };
  return { ...pairedEstimate(pairs), pairs };
}
