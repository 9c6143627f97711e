import {
  ratioTornadoPairs,
  summarizeRatioTornado,
  summarizeTornado,
  type RatioTornadoResult,
  TORNADO_QUANTILES,
  type ArmPair,
  type StudyOutcome,
  type TornadoParameter,
  type TornadoResult,
} from '../analysis/index.ts';
import { uncertainParameters, type LoadedScenario } from '../scenario/index.ts';
import type { StudyArm } from './changed-scenarios.ts';
import { InputError } from '../util/index.ts';
import { checkRatioSafeguard } from './ratio-safeguard.ts';
import { runArmGroups, type StudyRunOptions } from './paired-arms-run.ts';
import { stopwatch } from './stopwatch.ts';
import { DEFAULT_RUNS, DEFAULT_SEED } from './simulate.ts';

export interface TornadoOptions extends StudyRunOptions {
  /** Trials per arm (the baseline and each end of each bar). Default 10,000. */
  readonly runs?: number;
  /** The outcome whose probability the bars show. Default `nuclearUse`. */
  readonly outcome?: StudyOutcome;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

/**
 * One-at-a-time sensitivity: each declared uncertain parameter at its 5% and 95% points with the
 * rest at baseline, every arm on the same trials (common random numbers), so each end's change
 * and each bar's swing carry paired intervals. Bars are sorted by swing, widest first.
 */
export async function tornado(
  loaded: LoadedScenario,
  options: TornadoOptions = {},
): Promise<TornadoResult> {
  const elapsed = stopwatch(options.clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const outcome = options.outcome ?? 'nuclearUse';
  const { declared, parameters } = tornadoParameters(loaded);
  const arms: StudyArm[] = [{ changes: [] }];
  const pairs: ArmPair[] = [];
  declared.forEach((p, i) => {
    for (const value of parameters[i].values) arms.push({ changes: [{ path: p.path, value }] });
    pairs.push([0, 2 * i + 1], [0, 2 * i + 2], [2 * i + 1, 2 * i + 2]);
  });
  const [totals] = await runArmGroups(loaded, [{ arms, pairs, start: 0, end: runs }], outcome, {
    ...options,
    seed,
  });
  return summarizeTornado(parameters, totals.stats, totals.pairs, {
    outcome,
    seed,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    uncertainty: loaded.scenario.uncertainty,
    seconds: elapsed(),
  });
}

/** The declared uncertain parameters with their tornado ends, or an error if there are none. */
function tornadoParameters(loaded: LoadedScenario) {
  const declared = uncertainParameters(loaded.scenario);
  if (declared.length === 0) {
    throw new InputError([
      { path: 'uncertainty', message: 'declare uncertain parameters (or give --uncertain)' },
    ]);
  }
  const parameters: TornadoParameter[] = declared.map((p) => ({
    name: p.name,
    baseline: p.baseline,
    values: [p.quantile(TORNADO_QUANTILES[0]), p.quantile(TORNADO_QUANTILES[1])],
  }));
  return { declared, parameters };
}

/**
 * The tornado of a safeguard's risk ratio P(outcome | safeguard) / P(outcome): the baseline and
 * each end run with and without the safeguard, all on the same trials, so each end's ratio, its
 * change from the baseline's ratio and each swing carry paired delta-method intervals.
 */
export async function ratioTornado(
  loaded: LoadedScenario,
  safeguard: string,
  options: TornadoOptions = {},
): Promise<RatioTornadoResult> {
  const elapsed = stopwatch(options.clock);
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const outcome = options.outcome ?? 'nuclearUse';
  const { declared, parameters } = tornadoParameters(loaded);
  checkRatioSafeguard(loaded, safeguard);
  const both = (changes: StudyArm['changes']): StudyArm[] => [
    { changes },
    { changes, safeguards: [safeguard] },
  ];
  const arms: StudyArm[] = both([]);
  declared.forEach((p, i) => {
    for (const value of parameters[i].values) arms.push(...both([{ path: p.path, value }]));
  });
  const pairs = ratioTornadoPairs(declared.length);
  const [totals] = await runArmGroups(loaded, [{ arms, pairs, start: 0, end: runs }], outcome, {
    ...options,
    seed,
  });
  return summarizeRatioTornado(parameters, safeguard, totals.stats, totals.pairs, {
    outcome,
    seed,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    uncertainty: loaded.scenario.uncertainty,
    seconds: elapsed(),
  });
}
