import {
  estimateProportion,
  pairedDifference,
  type Difference,
  type ProportionEstimate,
  type RunStatistics,
} from '../estimate/index.ts';
import { CAUSES, type Cause, type ParameterValue, type Uncertainty } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import { flagOf, type StudyOutcome } from './paired-arms-chunk.ts';

/** The tornado's ends: each parameter at these quantiles of its distribution. */
export const TORNADO_QUANTILES = [0.05, 0.95] as const;

/** One end of a bar: the parameter at a quantile, the rest at baseline. */
export interface TornadoEnd {
  readonly quantile: number;
  readonly value: ParameterValue;
  readonly estimate: ProportionEstimate;
  /** P(outcome) here minus at baseline, paired. */
  readonly change: Difference;
}

export interface TornadoBar {
  readonly parameter: string;
  readonly baseline: ParameterValue;
  readonly low: TornadoEnd;
  readonly high: TornadoEnd;
  /** P(outcome) at the high end minus at the low end, paired. */
  readonly swing: Difference;
}

export interface TornadoResult {
  readonly version: string;
  readonly seed: number;
  /** Trials per arm (the baseline and each end). */
  readonly runs: number;
  readonly outcome: StudyOutcome;
  readonly scenario: { readonly name: string; readonly hash: string };
  /** The distributions the study drew from, as declared (the scenario hash leaves them out). */
  readonly uncertainty: Uncertainty;
  readonly baseline: ProportionEstimate;
  /** Widest swing first. */
  readonly bars: readonly TornadoBar[];
  readonly timing: { readonly seconds: number };
}

/** A parameter's two ends, as the tornado ran them. */
export interface TornadoParameter {
  readonly name: string;
  readonly baseline: ParameterValue;
  readonly values: readonly [ParameterValue, ParameterValue];
}

/** Count of trials with the outcome in an arm's statistics. */
export function outcomeCount(stats: RunStatistics, outcome: StudyOutcome): number {
  if (outcome === 'nuclearUse') return stats.nuclearUse;
  const flag = flagOf(outcome);
  return flag >= 0 ? stats.flags[flag] : stats.byCause[CAUSES.indexOf(outcome as Cause)];
}

/** What a tornado (of P(use) or of a risk ratio) reports besides its bars. */
export interface TornadoMeta {
  outcome: StudyOutcome;
  seed: number;
  scenario: { name: string; hash: string };
  uncertainty: Uncertainty;
  seconds: number;
}

/**
 * The tornado from its arms' totals: arm 0 the baseline, arms 2i+1 and 2i+2 parameter i's low and
 * high ends; pairs 3i, 3i+1, 3i+2 are (baseline, low), (baseline, high), (low, high).
 */
export function summarizeTornado(
  parameters: readonly TornadoParameter[],
  stats: readonly RunStatistics[],
  pairs: readonly (readonly [number, number, number])[],
  meta: TornadoMeta,
): TornadoResult {
  const n = stats[0].trials;
  const estimate = (arm: number) => estimateProportion(outcomeCount(stats[arm], meta.outcome), n);
  const diff = (p: number) => pairedDifference(pairs[p][1], pairs[p][2], n);
  const bars = parameters.map((param, i): TornadoBar => {
    const end = (e: 0 | 1): TornadoEnd => ({
      quantile: TORNADO_QUANTILES[e],
      value: param.values[e],
      estimate: estimate(2 * i + 1 + e),
      change: diff(3 * i + e),
    });
    return {
      parameter: param.name,
      baseline: param.baseline,
      low: end(0),
      high: end(1),
      swing: diff(3 * i + 2),
    };
  });
  bars.sort(
    (a, b) =>
      Math.abs(b.swing.estimate) - Math.abs(a.swing.estimate) ||
      a.parameter.localeCompare(b.parameter),
  );
  return {
    version: VERSION,
    seed: meta.seed,
    runs: n,
    outcome: meta.outcome,
    scenario: meta.scenario,
    uncertainty: meta.uncertainty,
    baseline: estimate(0),
    bars,
    timing: { seconds: meta.seconds },
  };
}
