import { Z95 } from './proportion.ts';

/** Trials classified by outcome under the baseline (first) and a variant (second), same trial index. */
export interface PairCounts {
  readonly both: number;
  readonly baselineOnly: number;
  readonly variantOnly: number;
  readonly trials: number;
}

export interface PairedEstimate {
  /** p(baseline) − p(variant): positive when the variant cuts risk. */
  readonly absoluteRiskReduction: {
    readonly estimate: number;
    readonly stderr: number;
    readonly ci95: readonly [number, number];
  };
  /** p(variant) / p(baseline); null when the baseline saw no use. */
  readonly riskRatio: {
    readonly estimate: number;
    readonly ci95: readonly [number, number];
  } | null;
  /** Standard error the same difference would have from two independent runs of this size. */
  readonly independentStderr: number;
}

/**
 * Paired (common random numbers) estimates of a risk difference and ratio. Only discordant trials
 * carry information: var(p0 − p1) = [(b + c)/n − ((b − c)/n)²] / n, and for the ratio
 * var(log RR) = (b + c) / ((a + b)(a + c)) (the matched-pairs delta method; Agresti, Categorical
 * Data Analysis, 10.1), where a = both, b = baseline only, c = variant only.
 */
export function pairedEstimate(counts: PairCounts): PairedEstimate {
  const { both: a, baselineOnly: b, variantOnly: c, trials: n } = counts;
  const p0 = (a + b) / n;
  const p1 = (a + c) / n;
  const d = (b - c) / n;
  const stderr = Math.sqrt(Math.max(0, (b + c) / n - d * d) / n);
  const independentStderr = Math.sqrt((p0 * (1 - p0) + p1 * (1 - p1)) / n);
  return {
    absoluteRiskReduction: { estimate: d, stderr, ci95: [d - Z95 * stderr, d + Z95 * stderr] },
    riskRatio: a + b === 0 ? null : riskRatio(a, b, c),
    independentStderr,
  };
}

function riskRatio(a: number, b: number, c: number) {
  const estimate = (a + c) / (a + b);
  // A zero cell makes the log interval infinite: add 1/2 to the discordant cells (Haldane).
  const fix = a + c === 0 || b + c === 0 ? 0.5 : 0;
  const [bb, cc] = [b + fix, c + fix];
  const logRatio = Math.log((a + cc) / (a + bb));
  const half = Z95 * Math.sqrt((bb + cc) / ((a + bb) * (a + cc)));
  return { estimate, ci95: [Math.exp(logRatio - half), Math.exp(logRatio + half)] as const };
}
