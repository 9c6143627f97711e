import {
  DESIGN_STREAM,
  outcomeCount,
  ratioSobolPairs,
  sobolPairs,
  summarizeRatioSobol,
  summarizeSobol,
  type SobolResult,
  type StudyOutcome,
} from '../analysis/index.ts';
import { KroneckerSequence, Rng } from '../random/index.ts';
import { uncertainParameters, type LoadedScenario } from '../scenario/index.ts';
import type { StudyArm } from './changed-scenarios.ts';
import { InputError } from '../util/index.ts';
import { checkRatioSafeguard } from './ratio-safeguard.ts';
import { runArmGroups, type ArmGroup, type StudyRunOptions } from './paired-arms-run.ts';
import { stopwatch } from './stopwatch.ts';
import { DEFAULT_SEED } from './simulate.ts';

/** Default parameter sets per design matrix (A and B). */
export const DEFAULT_BASE_POINTS = 500;
/** Default trials per parameter set. */
export const DEFAULT_REPETITIONS = 200;
/** Base points allowed: below 10 a percentile bootstrap has nothing to resample; above 10⁶ the design alone fills memory. */
export const BASE_POINT_RANGE = [10, 1_000_000] as const;

export interface SobolOptions extends StudyRunOptions {
  /** Parameter sets per design matrix, N. Default 500. */
  readonly basePoints?: number;
  /** Trials per parameter set, R (the inner sample). Default 200. */
  readonly repetitions?: number;
  /** The outcome whose probability is analysed. Default `nuclearUse`. */
  readonly outcome?: StudyOutcome;
  /**
   * A safeguard (`name` or `name:actor`): study its risk ratio P(outcome | safeguard) /
   * P(outcome) per parameter set instead of P(outcome). Default none.
   */
  readonly ratio?: string;
  /** Level of the bootstrap intervals. Default 0.95. */
  readonly level?: number;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

/**
 * First- and total-order Sobol indices of P(outcome) over the declared uncertain parameters: N
 * base points of a randomly shifted low-discrepancy design in 2k dimensions (A from the first k,
 * B from the last k), each with its k + 2 parameter sets A, B, A_B^i run on the same R trials
 * (common random numbers within a base point, trials n·R … (n+1)·R − 1, so base points are
 * independent). See docs/sensitivity.md for the estimator and its treatment of inner noise.
 */
export async function sobol(
  loaded: LoadedScenario,
  options: SobolOptions = {},
): Promise<SobolResult> {
  const elapsed = stopwatch(options.clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const n = options.basePoints ?? DEFAULT_BASE_POINTS;
  const r = options.repetitions ?? DEFAULT_REPETITIONS;
  const outcome = options.outcome ?? 'nuclearUse';
  const parameters = uncertainParameters(loaded.scenario);
  const k = parameters.length;
  if (k === 0) {
    throw new InputError([
      { path: 'uncertainty', message: 'declare uncertain parameters (or give --uncertain)' },
    ]);
  }
  if (!Number.isInteger(n) || n < BASE_POINT_RANGE[0] || n > BASE_POINT_RANGE[1]) {
    const [lo, hi] = BASE_POINT_RANGE;
    throw new InputError([
      { path: 'basePoints', message: `expected a whole number from ${lo} to ${hi}, got ${n}` },
    ]);
  }
  const ratio = options.ratio;
  if (ratio !== undefined) checkRatioSafeguard(loaded, ratio);
  const sequence = new KroneckerSequence(2 * k, new Rng(seed, 0, DESIGN_STREAM));
  const u = new Float64Array(2 * k);
  const pairs = ratio === undefined ? sobolPairs(k) : ratioSobolPairs(k);
  const groups: ArmGroup[] = [];
  for (let j = 0; j < n; j++) {
    sequence.point(j + 1, u);
    const a = parameters.map((p, i) => p.quantile(u[i]));
    const b = parameters.map((p, i) => p.quantile(u[k + i]));
    const set = (values: readonly unknown[]): StudyArm[] => {
      const changes = parameters.map((p, i) => ({ path: p.path, value: values[i] }));
      // A ratio study runs each set twice on the same trials: without and with the safeguard.
      return ratio === undefined ? [{ changes }] : [{ changes }, { changes, safeguards: [ratio] }];
    };
    const arms = [
      ...set(a),
      ...set(b),
      ...parameters.flatMap((_, i) => set(a.map((x, c) => (c === i ? b[i] : x)))),
    ];
    groups.push({ arms, pairs, start: j * r, end: (j + 1) * r });
  }
  const totals = await runArmGroups(loaded, groups, outcome, { ...options, seed });
  const names = parameters.map((p) => p.name);
  const counted = totals.map((t) => ({
    counts: t.stats.map((s) => outcomeCount(s, outcome)),
    pairs: t.pairs,
  }));
  const meta = {
    outcome,
    seed,
    repetitions: r,
    level: options.level ?? 0.95,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    uncertainty: loaded.scenario.uncertainty,
    seconds: elapsed(),
  };
  return ratio === undefined
    ? summarizeSobol(names, counted, meta)
    : summarizeRatioSobol(names, ratio, counted, meta);
}
