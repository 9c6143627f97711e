import {
  jointCounts,
  pairedEstimate,
  ratioContrast,
  ratioDifference,
  type Difference,
  type JointCounts,
  type RunStatistics,
} from '../estimate/index.ts';
import type { ParameterValue, Uncertainty } from '../scenario/index.ts';
import { InputError } from '../util/index.ts';
import { VERSION } from '../version.ts';
import type { ArmPair, StudyOutcome } from './paired-arms-chunk.ts';
import {
  outcomeCount,
  TORNADO_QUANTILES,
  type TornadoMeta,
  type TornadoParameter,
  type TornadoResult,
} from './tornado.ts';

/** A risk ratio P(outcome | safeguard) / P(outcome | baseline) on common random numbers. */
export interface RatioEstimate {
  readonly estimate: number;
  /** Delta-method standard error over trials (what the changes and swings combine). */
  readonly stderr: number;
  /** Matched-pairs interval on the log scale, as `petrov compare` gives its risk ratios. */
  readonly ci95: readonly [number, number];
}

/** One end of a ratio bar; null where the baseline arm saw no outcome (the ratio is undefined). */
export interface RatioTornadoEnd {
  readonly quantile: number;
  readonly value: ParameterValue;
  readonly ratio: RatioEstimate | null;
  /** The ratio here minus at baseline, paired. */
  readonly change: Difference | null;
}

export interface RatioTornadoBar {
  readonly parameter: string;
  readonly baseline: ParameterValue;
  readonly low: RatioTornadoEnd;
  readonly high: RatioTornadoEnd;
  /** The ratio at the high end minus at the low end, paired. */
  readonly swing: Difference | null;
}

export interface RatioTornadoResult {
  readonly version: string;
  readonly seed: number;
  /** Trials per arm: the baseline and each end, each with and without the safeguard. */
  readonly runs: number;
  readonly outcome: StudyOutcome;
  /** The safeguard whose risk ratio the bars show, as given (`name` or `name:actor`). */
  readonly safeguard: string;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly uncertainty: Uncertainty;
  readonly baseline: RatioEstimate;
  /** Widest swing first; bars with an undefined end last. */
  readonly bars: readonly RatioTornadoBar[];
  /** Ends whose baseline arm saw no outcome, so whose ratio is undefined. */
  readonly undefinedEnds: number;
  readonly warnings: readonly string[];
  readonly timing: { readonly seconds: number };
}

/** Arms: 0 and 1 the baseline without and with the safeguard; parameter i's ends at 2 + 4i …. */
const ends = (i: number) => ({
  low: { baseline: 2 + 4 * i, variant: 3 + 4 * i },
  high: { baseline: 4 + 4 * i, variant: 5 + 4 * i },
});

/** Every pair among the baseline's and a parameter's six arms: what each change and swing needs. */
export function ratioTornadoPairs(k: number): ArmPair[] {
  const pairs: ArmPair[] = [[0, 1]];
  for (let i = 0; i < k; i++) {
    const arms = [0, 1, 2 + 4 * i, 3 + 4 * i, 4 + 4 * i, 5 + 4 * i];
    for (let a = 0; a < arms.length; a++) {
      for (let b = Math.max(a + 1, 2); b < arms.length; b++) pairs.push([arms[a], arms[b]]);
    }
  }
  return pairs;
}

function ratioAt(counts: JointCounts, arms: { baseline: number; variant: number }) {
  const c = ratioContrast(counts, [{ arms, weight: 1 }]);
  if (c === null) return null;
  const [a, h0, h1] = [
    counts.both(arms.baseline, arms.variant),
    counts.hits[arms.baseline],
    counts.hits[arms.variant],
  ];
  const paired = pairedEstimate({
    both: a,
    baselineOnly: h0 - a,
    variantOnly: h1 - a,
    trials: counts.trials,
  });
  const ci95 = paired.riskRatio?.ci95 ?? ([0, Infinity] as const);
  return { estimate: c.estimate, stderr: Math.sqrt(c.variance), ci95 };
}

/** The ratio tornado from its arms' totals (arm order of `ends`, pair order of `ratioTornadoPairs`). */
export function summarizeRatioTornado(
  parameters: readonly TornadoParameter[],
  safeguard: string,
  stats: readonly RunStatistics[],
  pairs: readonly (readonly [number, number, number])[],
  meta: TornadoMeta,
): RatioTornadoResult {
  const n = stats[0].trials;
  const hits = stats.map((s) => outcomeCount(s, meta.outcome));
  const counts = jointCounts(n, hits, ratioTornadoPairs(parameters.length), pairs);
  const base = { baseline: 0, variant: 1 };
  const baseline = ratioAt(counts, base);
  if (baseline === null) {
    const message = `the baseline saw no ${meta.outcome} in ${n} trials, so the risk ratio is undefined: raise it`;
    throw new InputError([{ path: 'runs', message }]);
  }
  let undefinedEnds = 0;
  const bars = parameters.map((param, i): RatioTornadoBar => {
    const arms = ends(i);
    const end = (e: 0 | 1): RatioTornadoEnd => {
      const at = e === 0 ? arms.low : arms.high;
      const ratio = ratioAt(counts, at);
      if (ratio === null) undefinedEnds++;
      return {
        quantile: TORNADO_QUANTILES[e],
        value: param.values[e],
        ratio,
        change: ratioDifference(counts, base, at),
      };
    };
    const [low, high] = [end(0), end(1)];
    return {
      parameter: param.name,
      baseline: param.baseline,
      low,
      high,
      swing: ratioDifference(counts, arms.low, arms.high),
    };
  });
  const swing = (b: RatioTornadoBar) => (b.swing === null ? -1 : Math.abs(b.swing.estimate));
  bars.sort((a, b) => swing(b) - swing(a) || a.parameter.localeCompare(b.parameter));
  const warnings: string[] = [];
  if (undefinedEnds > 0) {
    warnings.push(
      `${undefinedEnds} end(s) saw no ${meta.outcome} without the safeguard, so their ratio is undefined and shown as such; raise --runs`,
    );
  }
  if (Math.min(...hits.filter((_, a) => a % 2 === 0)) < 10) {
    warnings.push(
      `an arm without the safeguard saw the outcome fewer than 10 times: the ratio's delta-method intervals are rough there; raise --runs`,
    );
  }
  return {
    version: VERSION,
    seed: meta.seed,
    runs: n,
    outcome: meta.outcome,
    safeguard,
    scenario: meta.scenario,
    uncertainty: meta.uncertainty,
    baseline,
    bars,
    undefinedEnds,
    warnings,
    timing: { seconds: meta.seconds },
  };
}

/** A sensitivity study's tornado: of P(outcome), or of a safeguard's risk ratio. */
export type SensitivityTornado = TornadoResult | RatioTornadoResult;

/** Whether a tornado follows a safeguard's risk ratio (it names the safeguard). */
export function isRatioTornado(t: SensitivityTornado): t is RatioTornadoResult {
  return 'safeguard' in t;
}
