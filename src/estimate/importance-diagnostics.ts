import { weightedMean, weightedProportion } from './summarize-weighted.ts';
import type { MeanEstimate } from './mean.ts';
import type { WeightedStatistics } from './weighted-statistics.ts';

/** How far to trust an importance-sampled estimate (docs/rare-events.md, "Diagnostics"). */
export interface ImportanceDiagnostics {
  /** Effective number of trials with use: (Σ w)² / Σ w² over them. */
  readonly ess: number;
  /** Trials that ended in use under the tilt (unweighted). */
  readonly tiltedUses: number;
  /** The largest single weight's share of the estimate. */
  readonly maxWeightShare: number;
  /** Mean likelihood ratio over all trials: 1 in expectation; far from 1, the tilt misses paths. */
  readonly meanWeight: MeanEstimate;
  /** Plain-language warnings when weights degenerate; empty when none. */
  readonly warnings: readonly string[];
}

/** Below this effective sample size the interval itself is unreliable. */
export const MIN_ESS = 100;
/** Above this share one trial decides the estimate. */
export const MAX_WEIGHT_SHARE = 0.1;

export function importanceDiagnostics(
  s: WeightedStatistics,
  tiltedUses: number,
): ImportanceDiagnostics {
  const use = weightedProportion(s.nuclearUse, s.trials);
  const total = s.nuclearUse.sum.value;
  const ess = use.ess ?? 0;
  const maxWeightShare = total > 0 ? s.maxUseWeight / total : 0;
  const meanWeight = weightedMean(s.weight, s.trials);
  const warnings: string[] = [];
  if (ess < MIN_ESS) {
    warnings.push(
      `only ${ess.toFixed(1)} effective trials carry the estimate (< ${MIN_ESS}): its interval is unreliable; run more trials or re-tilt`,
    );
  }
  if (maxWeightShare > MAX_WEIGHT_SHARE) {
    warnings.push(
      `one trial carries ${(100 * maxWeightShare).toFixed(0)}% of the estimate: the weights are degenerate`,
    );
  }
  const [lo, hi] = meanWeight.ci95;
  if (s.trials > 1 && (lo > 1 || hi < 1)) {
    warnings.push(
      `the mean weight ${meanWeight.mean.toPrecision(3)} (95% CI [${lo.toPrecision(3)}, ${hi.toPrecision(3)}]) is not 1: the tilt rarely samples paths that matter`,
    );
  }
  return { ess, tiltedUses, maxWeightShare, meanWeight, warnings };
}
