import { DESIGN_STREAM, summarizeUncertainty, type UncertaintyResult } from '../analysis/index.ts';
import { KroneckerSequence, Rng } from '../random/index.ts';
import { applySafeguards, uncertainParameters, type LoadedScenario } from '../scenario/index.ts';
import { InputError } from '../util/index.ts';
import type { StudyArm } from './changed-scenarios.ts';
import { runArmGroups, type ArmGroup, type StudyRunOptions } from './paired-arms-run.ts';
import { stopwatch } from './stopwatch.ts';
import { DEFAULT_SEED } from './simulate.ts';

/** Default parameter sets drawn. */
export const DEFAULT_PARAMETER_SETS = 200;
/** Default trials per parameter set. */
export const DEFAULT_SET_REPETITIONS = 1000;

export interface UncertaintyOptions extends StudyRunOptions {
  /** Parameter sets drawn from the low-discrepancy design, N. Default 200. */
  readonly parameterSets?: number;
  /** Trials per parameter set, R. Default 1,000. */
  readonly repetitions?: number;
  /** Safeguards (NAME or NAME:actor) compared at every parameter set on its trials. Default none. */
  readonly safeguards?: readonly string[];
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

/**
 * Two-level Monte Carlo over the declared uncertain parameters: N parameter sets from a randomly
 * shifted Kronecker sequence through each parameter's quantile function, each run on its own R
 * trials (n·R … (n+1)·R − 1), with every safeguard run on those same trials after the set is
 * applied (common random numbers, so its reduction there is paired).
 */
export async function uncertainty(
  loaded: LoadedScenario,
  options: UncertaintyOptions = {},
): Promise<UncertaintyResult> {
  const elapsed = stopwatch(options.clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const n = options.parameterSets ?? DEFAULT_PARAMETER_SETS;
  const r = options.repetitions ?? DEFAULT_SET_REPETITIONS;
  const safeguards = [...new Set(options.safeguards ?? [])];
  const parameters = uncertainParameters(loaded.scenario);
  if (parameters.length === 0) {
    throw new InputError([
      { path: 'uncertainty', message: 'declare uncertain parameters (or give --uncertain)' },
    ]);
  }
  for (const s of safeguards) {
    const applied = applySafeguards(loaded, [s]);
    if (!applied.ok) throw new InputError(applied.issues);
  }
  const sequence = new KroneckerSequence(parameters.length, new Rng(seed, 0, DESIGN_STREAM));
  const u = new Float64Array(parameters.length);
  const groups: ArmGroup[] = [];
  for (let j = 0; j < n; j++) {
    sequence.point(j + 1, u);
    const changes = parameters.map((p, i) => ({ path: p.path, value: p.quantile(u[i]) }));
    const arms: StudyArm[] = [
      { changes },
      ...safeguards.map((s) => ({ changes, safeguards: [s] })),
    ];
    const pairs = safeguards.map((_, s) => [0, s + 1] as const);
    groups.push({ arms, pairs, start: j * r, end: (j + 1) * r });
  }
  const totals = await runArmGroups(loaded, groups, 'nuclearUse', { ...options, seed });
  return summarizeUncertainty(
    parameters.map((p) => p.name),
    safeguards,
    totals,
    {
      seed,
      repetitions: r,
      scenario: { name: loaded.scenario.name, hash: loaded.hash },
      uncertainty: loaded.scenario.uncertainty,
      seconds: elapsed(),
    },
  );
}
