import type { Uncertainty } from '../scenario/index.ts';
import { squaredDifference } from '../estimate/index.ts';
import { Rng } from '../random/index.ts';
import { VERSION } from '../version.ts';
import type { ArmPair, StudyOutcome } from './paired-arms-chunk.ts';
import { sobolIndices, type IndexEstimate } from './sobol-indices.ts';

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
  readonly timing: { readonly seconds: number };
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
 * The indices from each base point's outcome counts per arm and paired counts (`sobolPairs`
 * order), `repetitions` trials each. Squared differences are debiased by their own paired inner
 * variance, so noise adds spread (carried into the bootstrap) but not sensitivity.
 */
export function summarizeSobol(
  parameters: readonly string[],
  groups: readonly {
    counts: readonly number[];
    pairs: readonly (readonly [number, number, number])[];
  }[],
  meta: {
    outcome: StudyOutcome;
    seed: number;
    repetitions: number;
    level: number;
    scenario: { name: string; hash: string };
    uncertainty: Uncertainty;
    seconds: number;
  },
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
  return {
    version: VERSION,
    seed: meta.seed,
    outcome: meta.outcome,
    scenario: meta.scenario,
    uncertainty: meta.uncertainty,
    basePoints: n,
    repetitions: r,
    level: meta.level,
    runs: n * (k + 2) * r,
    mean,
    variance: estimate.variance,
    noiseVariance: noise,
    indices,
    timing: { seconds: meta.seconds },
  };
}
