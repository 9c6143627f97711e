import {
  UnelicitedSituationError,
  type FailureReport,
  type Imputation,
  type PolicyElicitor,
} from '../agents/index.ts';
import type { Variant } from '../analysis/index.ts';
import { Z95, type MeanEstimate, type ProportionEstimate } from '../estimate/index.ts';
import { Rng } from '../random/index.ts';
import { applySafeguards, withChanges, type LoadedScenario } from '../scenario/index.ts';
import { formatIssue } from '../util/index.ts';
import { compare, type ComparisonResult } from './compare-run.ts';
import type { MethodOptions } from './method-plan.ts';
import { sweepPolicy, type SweepResult } from './policy-sweep.ts';
import {
  DEFAULT_RUNS,
  DEFAULT_SEED,
  simulate,
  type RunResult,
  type SimulateOptions,
} from './simulate.ts';

export interface PolicyRunOptions extends MethodOptions {
  /** Trials. Default 10,000. */
  readonly runs?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Bootstrap draws over the replicates (the elicitation's own uncertainty). Default 20. */
  readonly bootstrap?: number;
  /** Trials per bootstrap draw, on the same streams. Default the smaller of runs and 10,000. */
  readonly bootstrapRuns?: number;
  /** Safeguards for a paired comparison with the side on the same policy; default none. */
  readonly safeguards?: readonly string[];
  /** How the Monte Carlo runs (threads, a cancel signal, caps), never what it finds. Default inline. */
  readonly engine?: Pick<
    SimulateOptions,
    'workers' | 'offThread' | 'pool' | 'signal' | 'maxEvents' | 'chunkSize'
  >;
  /** Progress of the main run (not of the bootstrap draws or the bounds). */
  readonly onProgress?: SimulateOptions['onProgress'];
}

/** A probability with its Monte Carlo interval and the interval that also carries the elicitation. */
export interface PolicyEstimate {
  readonly p: number;
  readonly monteCarlo: readonly [number, number];
  /** Standard deviation of the estimate across bootstrap draws of the replicates. */
  readonly elicitationStderr: number;
  /** 95%: the Monte Carlo and elicitation errors combined, sqrt(se² + sd²). */
  readonly ci95: readonly [number, number];
}

/** P(use) with every failed replicate imputed as the least and the most escalatory decision. */
export interface FailureBounds {
  readonly restraint: ProportionEstimate;
  readonly escalation: ProportionEstimate;
}

export interface PolicyRunResult {
  readonly mode: 'policy';
  readonly actor: string;
  readonly seed: number;
  readonly runs: number;
  readonly replicates: number;
  /** Distinct situations the runs met, and the calls made to elicit them (replicates × retries). */
  readonly situations: number;
  readonly calls: FailureReport;
  readonly nuclearUse: PolicyEstimate;
  /** P(use) with every failed replicate imputed as the least and the most escalatory decision. */
  readonly failureBounds: FailureBounds;
  /** Rivera et al.'s escalation score of the side's decisions per day (plain sweep). */
  readonly escalationPerDay: MeanEstimate;
  /** The run (without a safeguard), or null when the comparison's baseline arm is the run. */
  readonly run: Omit<RunResult, 'timing'> | null;
  readonly comparison: Omit<ComparisonResult, 'timing'> | null;
  /** Risk reduction of the safeguard, its paired interval widened by the elicitation's spread. */
  readonly riskReduction: PolicyEstimate | null;
}

function withPolicy(
  loaded: LoadedScenario,
  actor: string,
  situations: Record<string, number[]>,
  source: string,
) {
  const r = withChanges(
    loaded,
    [{ path: ['actors', actor, 'agent'], value: { type: 'policy', source, situations } }],
    'policy mode',
  );
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
}

function safeguarded(loaded: LoadedScenario, safeguards: readonly string[]): Variant {
  const r = applySafeguards(loaded, safeguards);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return { name: safeguards.join(' + '), safeguards, loaded: r.value };
}

/** Runs `fn` on the current table, eliciting any situation it meets that the table lacks. */
async function elicitingAsNeeded<T>(elicitor: PolicyElicitor, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof UnelicitedSituationError)) throw error;
      await elicitor.elicit(error.situation);
    }
  }
}

/** What else `elicitPolicy` sweeps, so that `policyRun` with the same options meets no new situation. */
export interface ElicitMore {
  /** Stops the sweeps between trials. */
  readonly signal?: AbortSignal;
  /** Bootstrap draws whose resampled tables to sweep too. Default 0. */
  readonly bootstrap?: number;
  /** Trials per bootstrap draw. Default the smaller of runs and 10,000. */
  readonly bootstrapRuns?: number;
  /** Also sweep the tables with failures imputed both ways, if any call failed. Default false. */
  readonly bounds?: boolean;
}

/** The seed of bootstrap draw `b`'s resample: the sweep and the run of that draw use the same. */
const bootRng = (seed: number, b: number) => new Rng(seed, b, 0xb007);

/**
 * Elicits every situation the side meets in trials 0…runs−1 of the baseline and of the
 * safeguarded arm, and (with `more`) on each bootstrap draw's resampled table and on the imputed
 * tables: what a recording for `policyRun` with the same runs, seed, safeguards, bootstrap and
 * plain sampling must hold. A sweep re-runs only the trial that met a new situation, never the
 * whole run. Returns the baseline's sweep.
 */
export async function elicitPolicy(
  loaded: LoadedScenario,
  actor: string,
  elicitor: PolicyElicitor,
  seed: number,
  runs: number,
  safeguards: readonly string[] = [],
  more: ElicitMore = {},
): Promise<SweepResult> {
  const { signal } = more;
  const arms = [loaded, ...(safeguards.length > 0 ? [safeguarded(loaded, safeguards).loaded] : [])];
  const sweepAll = async (n: number, tableOf?: () => Record<string, number[]>) => {
    for (const arm of arms) await sweepPolicy(arm, actor, elicitor, seed, n, signal, tableOf);
  };
  const sweep = await sweepPolicy(loaded, actor, elicitor, seed, runs, signal);
  if (arms.length > 1) await sweepPolicy(arms[1], actor, elicitor, seed, runs, signal);
  const bootRuns = more.bootstrapRuns ?? Math.min(runs, 10_000);
  for (let b = 0; b < (more.bootstrap ?? 0); b++) {
    await sweepAll(bootRuns, () => elicitor.table('stated', bootRng(seed, b)));
  }
  if (more.bounds === true && elicitor.anyFailed) {
    for (const imputation of ['restraint', 'escalation'] as const) {
      await sweepPolicy(loaded, actor, elicitor, seed, runs, signal, () =>
        elicitor.table(imputation),
      );
    }
  }
  return sweep;
}

/**
 * Policy mode (docs/llm-agents.md): the side's model is asked once per situation band (with
 * replicates) the first time a trial meets it; the Monte Carlo then samples that table, so
 * importance sampling and paired comparisons work; a bootstrap over the replicates carries the
 * elicitation's uncertainty into the interval; failed calls are imputed both ways for bounds.
 */
export async function policyRun(
  loaded: LoadedScenario,
  actor: string,
  elicitor: PolicyElicitor,
  replicates: number,
  options: PolicyRunOptions = {},
): Promise<PolicyRunResult> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const B = options.bootstrap ?? 20;
  const bootRuns = options.bootstrapRuns ?? Math.min(runs, 10_000);
  const safeguards = options.safeguards ?? [];
  const method = { method: options.method, tilt: options.tilt, tiltSearch: options.tiltSearch };
  const engine = options.engine ?? {};
  const sweep = await elicitPolicy(loaded, actor, elicitor, seed, runs, safeguards, {
    signal: engine.signal,
    bootstrap: B,
    bootstrapRuns: bootRuns,
    bounds: true,
  });
  // Names the model, not the endpoint: a recorded run and its replay must hash alike.
  const source = `elicited from ${elicitor.model}, ${replicates} replicates per situation`;
  const on = (imputation: Imputation, rng?: Rng) =>
    withPolicy(loaded, actor, elicitor.table(imputation, rng), source);
  const runOn = (l: LoadedScenario, n: number, onProgress?: SimulateOptions['onProgress']) =>
    simulate(l, { runs: n, seed, ...method, ...engine, onProgress });
  const compareOn = (l: LoadedScenario, n: number) =>
    compare(l, [safeguarded(l, safeguards)], { runs: n, seed, ...method, ...engine });

  // With a safeguard the comparison's baseline arm is the run: one pass, not two.
  const main = await elicitingAsNeeded(elicitor, async () => {
    const l = on('stated');
    return safeguards.length > 0
      ? { run: null, comparison: await compareOn(l, runs) }
      : { run: await runOn(l, runs, options.onProgress), comparison: null };
  });
  const bootP: number[] = [];
  const bootArr: number[] = [];
  for (let b = 0; b < B; b++) {
    await elicitingAsNeeded(elicitor, async () => {
      // Seeded inside: a restart after an elicitation draws the same resample again.
      const l = on('stated', bootRng(seed, b));
      if (safeguards.length > 0) {
        const c = await compareOn(l, bootRuns);
        bootP.push(c.baseline.nuclearUse.p);
        bootArr.push(c.variants[0].absoluteRiskReduction.estimate);
      } else bootP.push((await runOn(l, bootRuns)).outcomes.nuclearUse.p);
    });
  }
  const p = main.run
    ? main.run.outcomes.nuclearUse
    : (main.comparison as ComparisonResult).baseline.nuclearUse;
  const bound = async (imputation: Imputation) =>
    elicitor.anyFailed
      ? (await elicitingAsNeeded(elicitor, () => runOn(on(imputation), runs))).outcomes.nuclearUse
      : p;
  const restraint = await bound('restraint');
  const escalation = await bound('escalation');
  const variant = main.comparison?.variants[0];
  return {
    mode: 'policy',
    actor,
    seed,
    runs,
    replicates,
    situations: sweep.visits.size,
    calls: elicitor.tally.report(),
    nuclearUse: clipped(combined(p.p, p.stderr, p.ci95, bootP)),
    failureBounds: { restraint, escalation },
    escalationPerDay: sweep.escalationPerDay,
    run: main.run ? dropTiming(main.run) : null,
    comparison: main.comparison ? dropTiming(main.comparison) : null,
    riskReduction: variant
      ? combined(
          variant.absoluteRiskReduction.estimate,
          variant.absoluteRiskReduction.stderr,
          variant.absoluteRiskReduction.ci95,
          bootArr,
        )
      : null,
  };
}

/** Wall-clock figures differ between identical runs: a recorded run and its replay must not. */
function dropTiming<T extends { timing: unknown }>(c: T): Omit<T, 'timing'> {
  const { timing: _t, ...rest } = c;
  return rest;
}

function combined(
  p: number,
  stderr: number,
  monteCarlo: readonly [number, number],
  boot: readonly number[],
): PolicyEstimate {
  const n = boot.length;
  const mean = boot.reduce((s, x) => s + x, 0) / Math.max(1, n);
  const sd = n > 1 ? Math.sqrt(boot.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  const half = Z95 * Math.sqrt(stderr * stderr + sd * sd);
  return { p, monteCarlo, elicitationStderr: sd, ci95: [p - half, p + half] };
}

/** A probability's interval stays inside [0, 1]. */
function clipped(e: PolicyEstimate): PolicyEstimate {
  return { ...e, ci95: [Math.max(0, e.ci95[0]), Math.min(1, e.ci95[1])] };
}
