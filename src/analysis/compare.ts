import { compileModel, Simulator } from '../engine/index.ts';
import {
  estimateProportion,
  pairedEstimate,
  RunStatistics,
  summarize,
  type PairCounts,
  type PairedEstimate,
  type ProportionEstimate,
} from '../estimate/index.ts';
import type { Cause, LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';

/** One arm of a comparison: a scenario with safeguards applied. */
export interface Variant {
  readonly name: string;
  readonly safeguards: readonly string[];
  readonly loaded: LoadedScenario;
}

export interface CompareOptions {
  /** Trials per variant. Default 10,000. Ignored when `targetRelError` is set. */
  readonly runs?: number;
  /** Base seed, shared by every variant: trial i of each draws the same streams. Default 1. */
  readonly seed?: number;
  /** Stop once the baseline's P(nuclear use) has this relative error. Default: off. */
  readonly targetRelError?: number;
  /** Cap on trials per variant with `targetRelError`. Default 10,000,000. */
  readonly maxRuns?: number;
  /** Called after every chunk of trials. */
  readonly onProgress?: (done: number, planned: number) => void;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

export interface ArmResult {
  readonly name: string;
  readonly safeguards: readonly string[];
  readonly hash: string;
  readonly nuclearUse: ProportionEstimate;
  readonly byCause: Readonly<Record<Cause, ProportionEstimate>>;
}

export interface VariantResult extends ArmResult, PairedEstimate {
  readonly pairs: PairCounts;
}

export interface CompareResult {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  readonly stoppedBy: 'runs' | 'target' | 'maxRuns';
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly baseline: ArmResult;
  /** Sorted by absolute risk reduction, largest first. */
  readonly variants: readonly VariantResult[];
  readonly timing: { readonly seconds: number };
}

/**
 * Runs the baseline and every variant on common random numbers: trial i of every arm is seeded by
 * (seed, i) with the same per-process streams (every event keeps its draws), so differences are paired and their intervals
 * reflect only the trials where the safeguard changed the outcome.
 */
export async function compare(
  baseline: LoadedScenario,
  variants: readonly Variant[],
  options: CompareOptions = {},
): Promise<CompareResult> {
  const seed = options.seed ?? 1;
  const target = options.targetRelError;
  const planned = target !== undefined ? (options.maxRuns ?? 10_000_000) : (options.runs ?? 10_000);
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const arms = [baseline, ...variants.map((v) => v.loaded)].map((loaded) => {
    const model = compileModel(loaded.scenario);
    return { model, simulator: new Simulator(model), stats: new RunStatistics(model.actorCount) };
  });
  const both = new Float64Array(variants.length);
  const baselineOnly = new Float64Array(variants.length);
  const variantOnly = new Float64Array(variants.length);

  let done = 0;
  let stoppedBy: CompareResult['stoppedBy'] = target !== undefined ? 'maxRuns' : 'runs';
  while (done < planned) {
    const step = target !== undefined ? Math.min(10_000, Math.max(1000, done)) : 10_000;
    const end = Math.min(planned, done + step);
    for (let trial = done; trial < end; trial++) {
      const base = arms[0].simulator.run(seed, trial);
      arms[0].stats.add(base);
      const x = base.nuclearUse;
      for (let v = 0; v < variants.length; v++) {
        const outcome = arms[v + 1].simulator.run(seed, trial);
        arms[v + 1].stats.add(outcome);
        const y = outcome.nuclearUse;
        if (x === 1 && y === 1) both[v]++;
        else if (x === 1) baselineOnly[v]++;
        else if (y === 1) variantOnly[v]++;
      }
    }
    done = end;
    options.onProgress?.(done, planned);
    const relErr = estimateProportion(arms[0].stats.nuclearUse, done).relErr;
    if (target !== undefined && relErr !== null && relErr <= target) {
      stoppedBy = 'target';
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }

  const armResult = (
    i: number,
    name: string,
    safeguards: readonly string[],
    hash: string,
  ): ArmResult => {
    const summary = summarize(arms[i].stats, arms[i].model.actorIds);
    return { name, safeguards, hash, nuclearUse: summary.nuclearUse, byCause: summary.byCause };
  };
  const results = variants.map((v, i): VariantResult => {
    const pairs = {
      both: both[i],
      baselineOnly: baselineOnly[i],
      variantOnly: variantOnly[i],
      trials: done,
    };
    return {
      ...armResult(i + 1, v.name, v.safeguards, v.loaded.hash),
      ...pairedEstimate(pairs),
      pairs,
    };
  });
  results.sort(
    (p, q) =>
      q.absoluteRiskReduction.estimate - p.absoluteRiskReduction.estimate ||
      p.name.localeCompare(q.name),
  );
  return {
    version: VERSION,
    seed,
    runs: done,
    stoppedBy,
    scenario: { name: baseline.scenario.name, hash: baseline.hash },
    baseline: armResult(0, 'baseline', [], baseline.hash),
    variants: results,
    timing: { seconds: (clock() - started) / 1000 },
  };
}
