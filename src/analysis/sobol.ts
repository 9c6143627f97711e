import type { Uncertainty } from '../scenario/index.ts';
import { squaredDifference } from '../estimate/index.ts';
import { Rng } from '../random/index.ts';
import { VERSION } from '../version.ts';
import type { ArmPair, StudyOutcome } from './paired-arms-chunk.ts';
import { sobolIndices, type IndexEstimate, type SobolTerms } from './sobol-indices.ts';

/** Streams of the design's shift and of the bootstrap, apart from every trial's streams. */
export const DESIGN_STREAM = 0x5eb0_0001;
export const BOOTSTRAP_STREAM = 0x5eb0_0002;

/** Bootstrap resamples behind every interval. */
export const SOBOL_RESAMPLES = 1000;

export interface ParameterIndices {
  readonly parameter: string;
  /** First order: the share of Var P(outcome) that this parameter explains alone. */
  readonly first: IndexEstimate;
  /** Total order: its share with every interaction it takes part in. */
  readonly total: IndexEstimate;
}

export interface SobolResult {
  readonly version: string;
  readonly seed: number;
  readonly outcome: StudyOutcome;
  readonly scenario: { readonly name: string; readonly hash: string };
  /** The distributions the study drew from, as declared (the scenario hash leaves them out). */
  readonly uncertainty: Uncertainty;
  /** Parameter sets drawn for each of the A and B matrices. */
  readonly basePoints: number;
  /** Trials per parameter set: the inner Monte Carlo sample. */
  readonly repetitions: number;
  /** Trials in all: basePoints × (parameters + 2) × repetitions. */
  readonly runs: number;
  /** Mean P(outcome) over the A and B parameter sets. */
  readonly mean: number;
  /** Level of every interval (0.95 unless asked otherwise). */
  readonly level: number;
  /** Var of P(outcome) over the parameters, inner noise removed. */
  readonly variance: IndexEstimate;
  /** Mean inner Monte Carlo variance of one parameter set's estimate (what was removed). */
  readonly noiseVariance: number;
  /** Sorted by total order, largest first. */
  readonly indices: readonly ParameterIndices[];
  /** Present when the study follows a safeguard's risk ratio rather than P(outcome). */
  readonly ratio?: SobolRatio;
  /** What to distrust in these numbers (too few base points, excluded sets), in words. */
  readonly warnings: readonly string[];
  readonly timing: { readonly seconds: number };
}

/** The risk ratio P(outcome | safeguard) / P(outcome | baseline) a study followed. */
export interface SobolRatio {
  readonly safeguard: string;
  /** Base points left out because a parameter set's baseline arm saw no outcome (ratio undefined). */
  readonly excludedBasePoints: number;
  /** Median count of baseline outcomes per parameter set: the delta method wants tens. */
  readonly medianBaselineHits: number;
}

/** Below this many base points the percentile bootstrap of a ratio of variances is not trusted. */
export const TRUSTED_BASE_POINTS = 100;

/** Metadata every Sobol summary carries. */
export interface SobolMeta {
  readonly outcome: StudyOutcome;
  readonly seed: number;
  readonly repetitions: number;
  readonly level: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly uncertainty: Uncertainty;
  readonly seconds: number;
}

/**
 * The arms of one base point of the Saltelli design, in order A, B, A_B^1 … A_B^k, and the pairs
 * whose squared differences the estimator needs: (A, B), then (A, A_B^i), then (B, A_B^i).
 */
export function sobolPairs(k: number): ArmPair[] {
  const pairs: ArmPair[] = [[0, 1]];
  for (let i = 0; i < k; i++) pairs.push([0, 2 + i]);
  for (let i = 0; i < k; i++) pairs.push([1, 2 + i]);
  return pairs;
}

/**
 * One base point's outcome counts per arm, and per pair of arms the trials with the outcome under
 * both, the first only, the second only (as pairedArmsChunk counts them).
 */
export interface SobolCounts {
  readonly counts: readonly number[];
  readonly pairs: readonly (readonly [number, number, number])[];
}

/**
 * The indices from each base point's outcome counts per arm and paired counts (`sobolPairs`
 * order), `repetitions` trials each. Squared differences are debiased by their own paired inner
 * variance, so noise adds spread (carried into the bootstrap) but not sensitivity.
 */
export function summarizeSobol(
  parameters: readonly string[],
  groups: readonly SobolCounts[],
  meta: SobolMeta,
): SobolResult {
  const k = parameters.length;
  const n = groups.length;
  const r = meta.repetitions;
  const terms = {
    ab: new Float64Array(n),
    total: parameters.map(() => new Float64Array(n)),
    first: parameters.map(() => new Float64Array(n)),
  };
  let mean = 0;
  let noise = 0;
  groups.forEach((g, j) => {
    const sq = (p: number) => squaredDifference(g.pairs[p][1], g.pairs[p][2], r);
    terms.ab[j] = sq(0);
    for (let i = 0; i < k; i++) {
      terms.total[i][j] = sq(1 + i);
      terms.first[i][j] = sq(1 + k + i);
    }
    for (const c of g.counts.slice(0, 2)) {
      const p = c / r;
      mean += p / (2 * n);
      noise += (r > 1 ? (p * (1 - p)) / (r - 1) : 0) / (2 * n);
    }
  });
  return sobolResult(parameters, terms, { mean, noise, drawn: n, runs: n * (k + 2) * r }, meta);
}

/**
 * The result from debiased terms (one per usable base point): Jansen's indices with bootstrap
 * intervals, sorted by total order, and a warning wherever the bootstrap should not be trusted.
 */
export function sobolResult(
  parameters: readonly string[],
  terms: SobolTerms,
  totals: {
    readonly mean: number;
    readonly noise: number;
    readonly drawn: number;
    readonly runs: number;
    readonly ratio?: SobolRatio;
    readonly warnings?: readonly string[];
  },
  meta: SobolMeta,
): SobolResult {
  const estimate = sobolIndices(
    terms,
    new Rng(meta.seed, 0, BOOTSTRAP_STREAM),
    SOBOL_RESAMPLES,
    meta.level,
  );
  const indices = parameters.map((parameter, i) => ({
    parameter,
    first: estimate.first[i],
    total: estimate.total[i],
  }));
  indices.sort(
    (a, b) => b.total.estimate - a.total.estimate || a.parameter.localeCompare(b.parameter),
  );
  const warnings = [...(totals.warnings ?? [])];
  const used = terms.ab.length;
  if (used < TRUSTED_BASE_POINTS) {
    warnings.push(
      `only ${used} base points: with fewer than ${TRUSTED_BASE_POINTS} the bootstrap intervals can be far too narrow or explode; raise --base-points`,
    );
  }
  if (!(estimate.variance.ci[0] > 0)) {
    warnings.push(
      'the variance over the parameters is not distinguishable from zero (its interval reaches 0): the indices divide by it and mean little; raise --base-points or --repetitions',
    );
  }
  return {
    version: VERSION,
    seed: meta.seed,
    outcome: meta.outcome,
    scenario: meta.scenario,
    uncertainty: meta.uncertainty,
    basePoints: totals.drawn,
    repetitions: meta.repetitions,
    level: meta.level,
    runs: totals.runs,
    mean: totals.mean,
    variance: estimate.variance,
    noiseVariance: totals.noise,
    indices,
    ...(totals.ratio ? { ratio: totals.ratio } : {}),
    warnings,
    timing: { seconds: meta.seconds },
  };
}
