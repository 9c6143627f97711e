import { poissonInterval, type RunStatistics } from '../estimate/index.ts';
import type { ObservedData, ParameterValue, Uncertainty } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import { predictiveCheck, type PredictiveCheck } from './predictive-check.ts';
import { stageLogLikelihood } from './stage-likelihood.ts';
import { measureTotal, type StageMeasure } from './stage-measure.ts';
import {
  effectiveSize,
  normalizeWeights,
  weightedSummary,
  type WeightedSummary,
} from './weighted-sample.ts';

/** The method, named in every result so a reader can find it in docs/calibration.md. */
export const CALIBRATION_METHOD =
  'likelihood weighting of prior draws (low-discrepancy design); per stage a negative-binomial likelihood of the observed count given the simulated count';

/** Below this effective number of draws the posterior rests on too few of them to trust. */
export const MIN_EFFECTIVE_DRAWS = 30;

export interface CalibratedParameter {
  readonly name: string;
  /** The draws' spread before (equal weights) and after weighting; null for a non-numeric parameter. */
  readonly prior: WeightedSummary | null;
  readonly posterior: WeightedSummary | null;
}

export interface CalibratedStage {
  readonly stage: string;
  readonly measure: string;
  readonly observed: number;
  /** Exposure in trials of the scenario. */
  readonly exposure: number;
  /** The record's exact 95% Poisson interval for the rate per trial. */
  readonly observedRate: readonly [number, number];
  readonly posteriorRate: WeightedSummary;
  readonly check: PredictiveCheck;
}

export interface CalibrationResult {
  readonly version: string;
  readonly method: string;
  readonly seed: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly data: { readonly name: string };
  readonly uncertainty: Uncertainty;
  /** Length of one trial in days: P(use) below is per trial of this length. */
  readonly horizonDays: number;
  readonly draws: number;
  readonly repetitions: number;
  readonly runs: number;
  /** Kish effective number of draws carrying the posterior. */
  readonly effectiveDraws: number;
  readonly parameters: readonly CalibratedParameter[];
  readonly stages: readonly CalibratedStage[];
  /** P(nuclear use) per trial over the prior draws and over the posterior. */
  readonly nuclearUse: { readonly prior: WeightedSummary; readonly posterior: WeightedSummary };
  /**
   * P(nuclear use) per year, 1 − exp(−crisesPerYear × P(use per trial)) per draw, when the
   * scenario declares how often its crises arise; null otherwise.
   */
  readonly perYear: {
    readonly prior: WeightedSummary;
    readonly posterior: WeightedSummary;
  } | null;
  /** Share of the posterior variance of per-draw P(use) that is inner sampling noise; null if none. */
  readonly noiseShare: number | null;
  readonly warnings: readonly string[];
  readonly timing: { readonly seconds: number };
}

export interface CalibrationInput {
  readonly parameters: readonly {
    readonly name: string;
    readonly values: readonly ParameterValue[];
  }[];
  readonly stats: readonly RunStatistics[];
  readonly data: ObservedData;
  readonly measures: readonly StageMeasure[];
  /** Each stage's exposure in trials. */
  readonly exposures: readonly number[];
  /** Crises per year at each draw (the declared value, or its uncertain draw); null if undeclared. */
  readonly crisesPerYear: Float64Array | null;
}

/** The posterior from every draw's statistics: weights ∝ Π over stages of the stage likelihood. */
export function summarizeCalibration(
  input: CalibrationInput,
  meta: {
    seed: number;
    repetitions: number;
    horizonDays: number;
    scenario: { name: string; hash: string };
    uncertainty: Uncertainty;
    seconds: number;
  },
): CalibrationResult {
  const { stats, data, measures, exposures } = input;
  const n = stats.length;
  const r = meta.repetitions;
  const totals = measures.map((m) => Float64Array.from(stats, (s) => measureTotal(s, m)));
  const logW = new Float64Array(n);
  data.stages.forEach((stage, s) => {
    for (let j = 0; j < n; j++)
      logW[j] += stageLogLikelihood(stage.observed, exposures[s], totals[s][j], r);
  });
  let top = -Infinity;
  for (const x of logW) top = Math.max(top, x);
  const weights = normalizeWeights(logW.map((x) => Math.exp(x - top)));
  const equal = normalizeWeights(new Float64Array(n).fill(1));
  const ess = effectiveSize(weights);
  const parameters = input.parameters.map(({ name, values }): CalibratedParameter => {
    const numeric = values.every((v) => typeof v === 'number');
    const xs = numeric ? Float64Array.from(values as number[]) : null;
    return {
      name,
      prior: xs && weightedSummary(xs, equal),
      posterior: xs && weightedSummary(xs, weights),
    };
  });
  const stages = data.stages.map((stage, s): CalibratedStage => {
    const rates = totals[s].map((t) => t / r);
    return {
      stage: stage.stage,
      measure: stage.measure,
      observed: stage.observed,
      exposure: exposures[s],
      observedRate: poissonInterval(stage.observed, exposures[s]),
      posteriorRate: weightedSummary(rates, weights),
      check: predictiveCheck(stage.observed, exposures[s], rates, weights),
    };
  });
  const use = Float64Array.from(stats, (s) => s.nuclearUse / r);
  const posterior = weightedSummary(use, weights);
  const f = input.crisesPerYear;
  const annual = f && use.map((p, j) => -Math.expm1(-f[j] * p));
  let noise = 0;
  use.forEach((p, j) => (noise += weights[j] * (r > 1 ? (p * (1 - p)) / (r - 1) : 0)));
  let spread = 0;
  use.forEach((p, j) => (spread += weights[j] * (p - posterior.mean) ** 2));
  const warnings: string[] = [];
  if (ess < MIN_EFFECTIVE_DRAWS) {
    warnings.push(
      `only ${ess.toFixed(1)} effective draws of ${n} carry the posterior (fewer than ${MIN_EFFECTIVE_DRAWS}): raise --draws or narrow the prior`,
    );
  }
  stages.forEach((s) => {
    if (s.check.pValue < 0.05) {
      warnings.push(
        `stage "${s.stage}": the observed ${s.observed} is in the tail of the posterior predictive (p = ${s.check.pValue.toPrecision(2)}): the model does not reproduce it`,
      );
    }
  });
  return {
    version: VERSION,
    method: CALIBRATION_METHOD,
    seed: meta.seed,
    scenario: meta.scenario,
    data: { name: data.name },
    uncertainty: meta.uncertainty,
    horizonDays: meta.horizonDays,
    draws: n,
    repetitions: r,
    runs: n * r,
    effectiveDraws: ess,
    parameters,
    stages,
    nuclearUse: { prior: weightedSummary(use, equal), posterior },
    perYear: annual && {
      prior: weightedSummary(annual, equal),
      posterior: weightedSummary(annual, weights),
    },
    noiseShare: spread > 0 ? Math.min(1, noise / spread) : null,
    warnings,
    timing: { seconds: meta.seconds },
  };
}
