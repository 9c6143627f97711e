export {
  summarizeComparison,
  type ComparisonTotals,
  type Variant,
  type CompareResult,
  type VariantResult,
  type ArmResult,
} from './compare.ts';
export {
  PathTally,
  summarizePathways,
  type PathwaysOptions,
  type PathwaysResult,
  type Pathway,
} from './pathways.ts';
export { pathwaysChunk, type ChunkPath, type PathwaysChunkResult } from './pathways-chunk.ts';
export { pathwaySignature, RawRecorder, type RawEvent } from './pathway-signature.ts';
export {
  combineCompareChunks,
  compareChunk,
  type CompareChunkResult,
  type CompiledArm,
} from './compare-chunk.ts';
export {
  outcomeIndicator,
  pairedArmsChunk,
  STUDY_OUTCOMES,
  type ArmPair,
  type PairedArmsChunkResult,
  type StudyOutcome,
} from './paired-arms-chunk.ts';
export {
  outcomeCount,
  summarizeTornado,
  TORNADO_QUANTILES,
  type TornadoBar,
  type TornadoEnd,
  type TornadoParameter,
  type TornadoResult,
} from './tornado.ts';
export {
  sobolIndices,
  type IndexEstimate,
  type SobolEstimate,
  type SobolTerms,
} from './sobol-indices.ts';
export {
  BOOTSTRAP_STREAM,
  DESIGN_STREAM,
  SOBOL_RESAMPLES,
  sobolPairs,
  sobolResult,
  summarizeSobol,
  TRUSTED_BASE_POINTS,
  type ParameterIndices,
  type SobolMeta,
  type SobolRatio,
  type SobolResult,
} from './sobol.ts';
export { ratioSobolPairs, summarizeRatioSobol } from './sobol-ratio.ts';
export {
  isRatioTornado,
  ratioTornadoPairs,
  type SensitivityTornado,
  summarizeRatioTornado,
  type RatioEstimate,
  type RatioTornadoBar,
  type RatioTornadoEnd,
  type RatioTornadoResult,
} from './ratio-tornado.ts';
export {
  summarizeUncertainty,
  type Estimated,
  type OutcomeSpread,
  type QuantileEstimate,
  type SafeguardSpread,
  type UncertaintyResult,
} from './uncertainty.ts';
export {
  CALIBRATION_METHOD,
  MIN_EFFECTIVE_DRAWS,
  summarizeCalibration,
  type CalibratedParameter,
  type CalibratedStage,
  type CalibrationResult,
} from './calibration.ts';
export { predictiveCheck, type PredictiveCheck } from './predictive-check.ts';
export { stageLogLikelihood } from './stage-likelihood.ts';
export {
  measureTotal,
  NUCLEAR_USE,
  parseMeasure,
  stageMeasures,
  type MeasureName,
  type StageMeasure,
} from './stage-measure.ts';
export {
  effectiveSize,
  normalizeWeights,
  weightedQuantile,
  weightedSummary,
  type WeightedSummary,
} from './weighted-sample.ts';
export {
  armsPerProfile,
  combineGameChunks,
  dimension,
  gameChunk,
  PROFILE_OUTCOMES,
  STRIKE_OUTCOMES,
  type GameChunkResult,
  type GameLayout,
} from './game-chunk.ts';
export { gameArms } from './game-arms.ts';
export { gamePayoffs, strikeProbability, type Payoffs } from './game-payoffs.ts';
export { MeanResampler, RESAMPLE_STREAM } from './game-resampler.ts';
export { payoffDraws, type PayoffDraws } from './game-draws.ts';
export { agreementAnalysis, type AgreementResult } from './game-agreement.ts';
export {
  gameSetOutcome,
  summarizeParameterSets,
  type GameParameterUncertainty,
  type GameSetOutcome,
} from './game-parameter-sets.ts';
export {
  summarizeGame,
  type Deviation,
  type GamePartial,
  type EquilibriumResult,
  type GameResult,
  type ProfileOutcome,
  type ProfileResult,
} from './game-summary.ts';
export {
  expected,
  nashEquilibria,
  onSupport,
  pureEquilibria,
  type Equilibrium,
  type Matrix,
} from './nash-equilibria.ts';
export { whatIfNameProblem, whatIfVariants, type WhatIf } from './what-ifs.ts';
