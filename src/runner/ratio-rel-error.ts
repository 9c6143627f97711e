import type { PairedEstimate } from '../estimate/index.ts';

/** z of a two-sided 95% interval: the risk ratio's interval is exp(log RR ± Z · se(log RR)). */
const Z95 = 1.959963984540054;

/**
 * A risk ratio's relative error: se(log RR), read back from its 95% interval, so plain and
 * importance-sampled comparisons stop on the interval they report. Infinite while the ratio is
 * undefined (no baseline use) or its interval reaches 0 (no variant use yet).
 */
export function ratioRelError(ratio: PairedEstimate['riskRatio']): number {
  if (ratio === null || !(ratio.ci95[0] > 0) || !Number.isFinite(ratio.ci95[1])) return Infinity;
  return (Math.log(ratio.ci95[1]) - Math.log(ratio.ci95[0])) / (2 * Z95);
}
