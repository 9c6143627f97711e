import {
  DESIGN_STREAM,
  measureTotal,
  stageMeasures,
  summarizeCalibration,
  type CalibrationResult,
} from '../analysis/index.ts';
import { poissonInterval } from '../estimate/index.ts';
import { KroneckerSequence, Rng } from '../random/index.ts';
import {
  exposureTrials,
  uncertainParameters,
  type LoadedScenario,
  type ObservedData,
} from '../scenario/index.ts';
import { InputError } from '../util/index.ts';
import { runArmGroups, type StudyRunOptions } from './paired-arms-run.ts';
import { stopwatch } from './stopwatch.ts';
import { DEFAULT_SEED } from './simulate.ts';

/** Default prior draws. */
export const DEFAULT_CALIBRATION_DRAWS = 500;
/** Default trials per draw. */
export const DEFAULT_DRAW_REPETITIONS = 200;

export interface CalibrationOptions extends StudyRunOptions {
  /** Draws from the prior (the `uncertainty` block) by a low-discrepancy design. Default 500. */
  readonly draws?: number;
  /** Trials per draw. Default 200. */
  readonly repetitions?: number;
  /** Names the data file in issues. Default none. */
  readonly dataSource?: string;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

/**
 * Calibration by likelihood weighting: N prior draws from a randomly shifted Kronecker sequence
 * through each declared parameter's quantile function, each run on its own R trials
 * (j·R … (j+1)·R − 1), then weighted by how likely each makes the observed counts.
 */
export async function calibrate(
  loaded: LoadedScenario,
  data: ObservedData,
  options: CalibrationOptions = {},
): Promise<CalibrationResult> {
  const elapsed = stopwatch(options.clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const n = options.draws ?? DEFAULT_CALIBRATION_DRAWS;
  const r = options.repetitions ?? DEFAULT_DRAW_REPETITIONS;
  const measures = stageMeasures(data, options.dataSource);
  const parameters = uncertainParameters(loaded.scenario);
  if (parameters.length === 0) {
    throw new InputError([
      {
        path: 'uncertainty',
        message: 'declare the prior: uncertain parameters (or give --uncertain)',
      },
    ]);
  }
  const sequence = new KroneckerSequence(parameters.length, new Rng(seed, 0, DESIGN_STREAM));
  const u = new Float64Array(parameters.length);
  const values = parameters.map(() => [] as (number | string | boolean)[]);
  const groups = Array.from({ length: n }, (_, j) => {
    sequence.point(j + 1, u);
    const changes = parameters.map((p, i) => {
      const value = p.quantile(u[i]);
      values[i].push(value);
      return { path: p.path, value };
    });
    return { arms: [{ changes }], pairs: [], start: j * r, end: (j + 1) * r };
  });
  const totals = await runArmGroups(loaded, groups, 'nuclearUse', { ...options, seed });
  const horizonDays = loaded.scenario.horizonDays;
  return summarizeCalibration(
    {
      parameters: parameters.map((p, i) => ({ name: p.name, values: values[i] })),
      stats: totals.map((t) => t.stats[0]),
      data,
      measures,
      exposures: data.stages.map((s) => exposureTrials(s, horizonDays)),
      crisesPerYear: crisesPerYear(
        loaded,
        n,
        parameters.map((p, i) => [p.name, values[i]]),
      ),
    },
    {
      seed,
      repetitions: r,
      horizonDays,
      scenario: { name: loaded.scenario.name, hash: loaded.hash },
      uncertainty: loaded.scenario.uncertainty,
      seconds: elapsed(),
    },
  );
}

/** One stage at the scenario's own values beside the record. */
export interface RecordCheckRow {
  readonly stage: string;
  readonly measure: string;
  /** Simulated mean per trial and its standard error. */
  readonly simulated: number;
  readonly stderr: number;
  /** The record's exact 95% Poisson interval per trial. */
  readonly observedRate: readonly [number, number];
  readonly inside: boolean;
}

/** Runs the scenario as written on `trials` trials and sets each stage's rate beside the record's. */
export async function recordCheck(
  loaded: LoadedScenario,
  data: ObservedData,
  options: StudyRunOptions & { readonly trials: number; readonly dataSource?: string },
): Promise<RecordCheckRow[]> {
  const measures = stageMeasures(data, options.dataSource);
  const group = { arms: [{ changes: [] }], pairs: [], start: 0, end: options.trials };
  const [total] = await runArmGroups(loaded, [group], 'nuclearUse', options);
  const stats = total.stats[0];
  const n = stats.trials;
  return data.stages.map((stage, s) => {
    const simulated = measureTotal(stats, measures[s]) / n;
    // Counts are near Poisson per trial; nuclear use is 0 or 1 (binomial).
    const stderr = Math.sqrt(Math.max(0, simulated) / n);
    const observedRate = poissonInterval(
      stage.observed,
      exposureTrials(stage, loaded.scenario.horizonDays),
    );
    const inside = simulated >= observedRate[0] && simulated <= observedRate[1];
    return { stage: stage.stage, measure: stage.measure, simulated, stderr, observedRate, inside };
  });
}

/** Crises per year at every draw: drawn when uncertain, else the declared value; null if unset. */
function crisesPerYear(
  loaded: LoadedScenario,
  n: number,
  drawn: readonly (readonly [string, readonly (number | string | boolean)[]])[],
): Float64Array | null {
  const declared = loaded.scenario.crisesPerYear;
  if (declared === undefined) return null;
  const values = drawn.find(([name]) => name === 'crisesPerYear')?.[1];
  return values ? Float64Array.from(values, Number) : new Float64Array(n).fill(declared);
}
