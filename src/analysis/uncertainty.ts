import type { Uncertainty } from '../scenario/index.ts';
import type { RunStatistics } from '../estimate/index.ts';
import { Rng } from '../random/index.ts';
import { VERSION } from '../version.ts';
import { BOOTSTRAP_STREAM, SOBOL_RESAMPLES } from './sobol.ts';
import { outcomeCount } from './tornado.ts';
import { STUDY_OUTCOMES, type StudyOutcome } from './paired-arms-chunk.ts';

/** An estimate with its standard error (of the two-level Monte Carlo). */
export interface Estimated {
  readonly estimate: number;
  readonly stderr: number;
}

/** A quantile over the parameter sets with its bootstrap 95% interval. */
export interface QuantileEstimate {
  readonly estimate: number;
  readonly ci95: readonly [number, number];
}

/** How P(outcome) spreads over the uncertain parameters. */
export interface OutcomeSpread {
  readonly mean: Estimated;
  readonly median: QuantileEstimate;
  readonly p05: QuantileEstimate;
  readonly p95: QuantileEstimate;
  /** Share of the variance of the per-set estimates that is inner sampling noise; null if none. */
  readonly noiseShare: number | null;
  /** Share that is parameter uncertainty: 1 − noiseShare (at least 0). */
  readonly parameterShare: number | null;
}

export interface SafeguardSpread {
  readonly name: string;
  /** Mean over the parameters of p(baseline) − p(safeguard). */
  readonly meanReduction: Estimated;
  /** Share of parameter sets where the safeguard lowered the risk. */
  readonly lowersRisk: Estimated;
  /** Share of parameter sets where it cut the risk most of all. */
  readonly best: Estimated;
  /** Share of the spread of its per-set reductions that is inner noise (paired). */
  readonly noiseShare: number | null;
}

export interface UncertaintyResult {
  readonly version: string;
  readonly seed: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  /** The distributions the study drew from, as declared (the scenario hash leaves them out). */
  readonly uncertainty: Uncertainty;
  readonly parameters: readonly string[];
  readonly parameterSets: number;
  /** Trials per parameter set (and per safeguard there, on the same trials). */
  readonly repetitions: number;
  readonly runs: number;
  readonly outcomes: Readonly<Record<StudyOutcome, OutcomeSpread>>;
  /** Most mean reduction first; empty without safeguards. */
  readonly safeguards: readonly SafeguardSpread[];
  /** The safeguards' order by mean reduction, and the share of parameter sets where it holds. */
  readonly ranking: { readonly order: readonly string[]; readonly holds: Estimated } | null;
  readonly timing: { readonly seconds: number };
}

/**
 * The two-level summary from each parameter set's statistics (arm 0 the scenario, arm s its
 * safeguard s) and paired counts (pair s − 1: the scenario against safeguard s). Parameter sets
 * run on their own trials, so they are independent: means have error sd/√N, shares binomial
 * error, quantiles bootstrap intervals over the sets.
 */
export function summarizeUncertainty(
  parameters: readonly string[],
  safeguards: readonly string[],
  sets: readonly {
    stats: readonly RunStatistics[];
    pairs: readonly (readonly [number, number, number])[];
  }[],
  meta: {
    seed: number;
    repetitions: number;
    scenario: { name: string; hash: string };
    uncertainty: Uncertainty;
    seconds: number;
  },
): UncertaintyResult {
  const n = sets.length;
  const r = meta.repetitions;
  const rng = new Rng(meta.seed, 0, BOOTSTRAP_STREAM);
  const outcomes = Object.fromEntries(
    STUDY_OUTCOMES.map((o) => {
      const ps = Float64Array.from(sets, (s) => outcomeCount(s.stats[0], o) / r);
      const noise = mean(Float64Array.from(ps, (p) => (r > 1 ? (p * (1 - p)) / (r - 1) : 0)));
      return [o, spread(ps, noise, rng)];
    }),
  ) as Record<StudyOutcome, OutcomeSpread>;
  const reductions = safeguards.map((_, s) =>
    Float64Array.from(sets, (set) => (set.stats[0].nuclearUse - set.stats[s + 1].nuclearUse) / r),
  );
  const share = (hits: number): Estimated => {
    const q = hits / n;
    return { estimate: q, stderr: Math.sqrt((q * (1 - q)) / n) };
  };
  const bestOf = (j: number) => {
    let best = 0;
    for (let s = 1; s < safeguards.length; s++)
      if (reductions[s][j] > reductions[best][j]) best = s;
    return best;
  };
  const rows = safeguards.map((name, s): SafeguardSpread => {
    const d = reductions[s];
    const noise = mean(
      Float64Array.from(sets, (set) => {
        const [, b, c] = set.pairs[s];
        const x = (b - c) / r;
        return r > 1 ? ((b + c) / r - x * x) / (r - 1) : 0;
      }),
    );
    const total = variance(d);
    return {
      name,
      meanReduction: { estimate: mean(d), stderr: Math.sqrt(total / n) },
      lowersRisk: share(d.filter((x) => x > 0).length),
      best: share(sets.filter((_, j) => bestOf(j) === s).length),
      noiseShare: total > 0 ? Math.min(1, noise / total) : null,
    };
  });
  rows.sort(
    (a, b) => b.meanReduction.estimate - a.meanReduction.estimate || a.name.localeCompare(b.name),
  );
  const order = rows.map((row) => safeguards.indexOf(row.name));
  const holds = sets.filter((_, j) =>
    order.every((s, i) => i === 0 || reductions[order[i - 1]][j] >= reductions[s][j]),
  ).length;
  return {
    version: VERSION,
    seed: meta.seed,
    scenario: meta.scenario,
    uncertainty: meta.uncertainty,
    parameters,
    parameterSets: n,
    repetitions: r,
    runs: n * r * (1 + safeguards.length),
    outcomes,
    safeguards: rows,
    ranking:
      safeguards.length > 1 ? { order: rows.map((row) => row.name), holds: share(holds) } : null,
    timing: { seconds: meta.seconds },
  };
}

function spread(ps: Float64Array, noise: number, rng: Rng): OutcomeSpread {
  const n = ps.length;
  const total = variance(ps);
  const qs = [0.5, 0.05, 0.95];
  const draws = qs.map(() => new Float64Array(SOBOL_RESAMPLES));
  const sample = new Float64Array(n);
  for (let b = 0; b < SOBOL_RESAMPLES; b++) {
    for (let j = 0; j < n; j++) sample[j] = ps[Math.floor(rng.next() * n)];
    sample.sort();
    qs.forEach((q, i) => (draws[i][b] = quantileOfSorted(sample, q)));
  }
  const sorted = Float64Array.from(ps).sort();
  const [median, p05, p95] = qs.map((q, i): QuantileEstimate => {
    const d = draws[i].sort();
    return {
      estimate: quantileOfSorted(sorted, q),
      ci95: [quantileOfSorted(d, 0.025), quantileOfSorted(d, 0.975)],
    };
  });
  const noiseShare = total > 0 ? Math.min(1, noise / total) : null;
  return {
    mean: { estimate: mean(ps), stderr: Math.sqrt(total / n) },
    median,
    p05,
    p95,
    noiseShare,
    parameterShare: noiseShare === null ? null : 1 - noiseShare,
  };
}

/** Linear interpolation between order statistics (Hyndman–Fan type 7, as R and numpy default). */
function quantileOfSorted(xs: Float64Array, q: number): number {
  if (xs.length === 0) return NaN;
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  return xs[lo] + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] ?? xs[lo]) - xs[lo]);
}

function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length > 0 ? s / xs.length : 0;
}

function variance(xs: Float64Array): number {
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return xs.length > 1 ? s / (xs.length - 1) : 0;
}
