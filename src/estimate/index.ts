export { estimateProportion, wilson, Z95, type ProportionEstimate } from './proportion.ts';
export { estimateMean, type MeanEstimate } from './mean.ts';
export { RunStatistics, type RunStatisticsJson } from './run-statistics.ts';
export { summarize, type RunSummary } from './summarize.ts';
export { pairedEstimate, type PairCounts, type PairedEstimate } from './paired.ts';
export {
  Moment,
  WeightedStatistics,
  type MomentJson,
  type WeightedStatisticsJson,
} from './weighted-statistics.ts';
export { summarizeWeighted, weightedMean, weightedProportion } from './summarize-weighted.ts';
export { importanceDiagnostics, type ImportanceDiagnostics } from './importance-diagnostics.ts';
export {
  PairedMoments,
  pairedWeightedEstimate,
  type PairedMomentsJson,
} from './paired-weighted.ts';
export { pairedDifference, squaredDifference, type Difference } from './paired-difference.ts';
export { poissonCdf, poissonInterval } from './poisson-interval.ts';
export {
  jointCounts,
  ratioContrast,
  ratioDifference,
  squaredRatioDifference,
  type JointCounts,
  type RatioArms,
  type RatioContrast,
} from './ratio-contrast.ts';
