import type { MeanEstimate } from './mean.ts';
import { Z95, type ProportionEstimate } from './proportion.ts';
import { summaryFrom, type RunSummary } from './summarize.ts';
import type { Moment, WeightedStatistics } from './weighted-statistics.ts';

/**
 * A probability from weighted trials: p = Σ w·x / n, its standard error from the spread of w·x,
 * a normal 95% interval (floored at 0), and the effective number of trials carrying it,
 * (Σ w·x)² / Σ (w·x)² — for plain sampling simply the number of successes.
 */
export function weightedProportion(m: Moment, n: number): ProportionEstimate {
  const { mean, stderr } = weightedMean(m, n);
  const s1 = m.sum.value;
  const s2 = m.squares.value;
  return {
    p: mean,
    stderr,
    ci95: [Math.max(0, mean - Z95 * stderr), Math.min(1, mean + Z95 * stderr)],
    relErr: mean > 0 ? stderr / mean : null,
    ess: s2 > 0 ? (s1 * s1) / s2 : 0,
  };
}

/** Mean of the weighted terms w·x over n trials with its standard error and normal interval. */
export function weightedMean(m: Moment, n: number): MeanEstimate {
  if (n <= 0) return { mean: 0, stderr: 0, ci95: [0, 0] };
  const mean = m.sum.value / n;
  const variance = n > 1 ? Math.max(0, (m.squares.value - n * mean * mean) / (n - 1)) : 0;
  const stderr = Math.sqrt(variance / n);
  return { mean, stderr, ci95: [mean - Z95 * stderr, mean + Z95 * stderr] };
}

/** Every estimate of an importance-sampled run, in the same shape as a plain run's. */
export function summarizeWeighted(s: WeightedStatistics, actorIds: readonly string[]): RunSummary {
  const n = s.trials;
  const proportion = (m: Moment) => weightedProportion(m, n);
  return summaryFrom(actorIds, {
    nuclearUse: proportion(s.nuclearUse),
    cause: (i) => proportion(s.byCause[i]),
    rootCause: (i) => proportion(s.byRootCause[i]),
    origin: (code) => proportion(s.byOrigin[code]),
    user: (a) => proportion(s.byUser[a]),
    rung: (i) => proportion(s.highestRung[i]),
    count: (i) => weightedMean(s.counts[i], n),
    daysToUse: daysToUse(s),
    // Importance-sampled trials end at the first use: what follows, and the ledger, go unseen.
    flag: () => null,
    daysFromUseToGeneralWar: null,
    retaliationAfterStrike: null,
  });
}

/**
 * Mean days to first use among trials with use: the ratio Σ w·t / Σ w over them, its standard
 * error by the delta method, sqrt(Σ w²(t − mean)²) / Σ w.
 */
function daysToUse(s: WeightedStatistics): MeanEstimate | null {
  const w = s.nuclearUse.sum.value;
  if (!(w > 0)) return null;
  const mean = s.useDays.value / w;
  const spread =
    s.useDaysSquaresW2.value -
    2 * mean * s.useDaysW2.value +
    mean * mean * s.nuclearUse.squares.value;
  const stderr = Math.sqrt(Math.max(0, spread)) / w;
  return { mean, stderr, ci95: [mean - Z95 * stderr, mean + Z95 * stderr] };
}
