// The synthetic-data check of `petrov calibrate`, shared by test/calibration.test.ts and
// docs/calibration.md: counts the analytic scenario produced at known values are the data;
// how often do the 90% posterior intervals cover the truth, and does more data narrow them?
import { fileURLToPath } from 'node:url';
import {
  calibrate,
  loadScenarioFile,
  recordCheck,
  type CalibrationResult,
  type ObservedData,
} from '../src/index.ts';

export const ANALYTIC = fileURLToPath(
  new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url),
);
const A = 'actors.solo';
/** The prior: both ranges contain the scenario's own values, which generate the data. */
export const UNCERTAIN = [
  `${A}.ai.falsePositive.ballistic=uniform(0.02, 0.08)`,
  `${A}.human.catchProbability=uniform(0.75, 0.98)`,
];
export const TRUE = [0.05, 0.9];
const STAGES = [
  { stage: 'hostile labels', measure: 'hostileLabels' },
  { stage: 'overrides', measure: 'humanOverrides' },
  { stage: 'uses', measure: 'nuclearUse' },
];

export function analyticScenario() {
  const loaded = loadScenarioFile(ANALYTIC, [], UNCERTAIN);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

/** The scenario's own counts over `trials` trials of `seed`, as observed data. */
export async function syntheticData(trials: number, seed: number): Promise<ObservedData> {
  const template: ObservedData = {
    name: 'synthetic',
    stages: STAGES.map((s) => ({ ...s, observed: 0, exposure: { trials }, source: 'the model' })),
  };
  const rows = await recordCheck(analyticScenario(), template, { trials, seed });
  return {
    ...template,
    stages: template.stages.map((s, i) => ({
      ...s,
      observed: Math.round(rows[i].simulated * trials),
    })),
  };
}

export interface CoverageBudget {
  readonly reps: number;
  readonly draws: number;
  readonly repetitions: number;
  /** Trials of data in the small and the large data set. */
  readonly few: number;
  readonly many: number;
}

export interface CoverageStudy {
  readonly budget: CoverageBudget;
  /** Per parameter: repetitions whose 90% interval (large data set) held the true value. */
  readonly covered: readonly number[];
  /** Per parameter: repetitions where the large data set gave the narrower interval. */
  readonly narrower: readonly number[];
  /** Least effective number of draws over the repetitions (large data set). */
  readonly minEffectiveDraws: number;
}

const width = (r: CalibrationResult, i: number) =>
  (r.parameters[i].posterior?.p95 ?? NaN) - (r.parameters[i].posterior?.p05 ?? NaN);

export async function coverageStudy(budget: CoverageBudget): Promise<CoverageStudy> {
  const covered = TRUE.map(() => 0);
  const narrower = TRUE.map(() => 0);
  let minEffectiveDraws = Infinity;
  for (let rep = 0; rep < budget.reps; rep++) {
    const [few, many] = await Promise.all(
      [budget.few, budget.many].map(async (trials) =>
        calibrate(analyticScenario(), await syntheticData(trials, 1000 + rep), {
          draws: budget.draws,
          repetitions: budget.repetitions,
          seed: rep + 1,
        }),
      ),
    );
    many.parameters.forEach((p, i) => {
      const post = p.posterior;
      if (post && post.p05 <= TRUE[i] && TRUE[i] <= post.p95) covered[i]++;
      if (width(many, i) < width(few, i)) narrower[i]++;
    });
    minEffectiveDraws = Math.min(minEffectiveDraws, many.effectiveDraws);
  }
  return { budget, covered, narrower, minEffectiveDraws };
}
