// Builds docs/sensitivity.md: how the sensitivity and uncertainty estimators work, and what they say
// about the Korean scenario. Numbers come from runs, never from typing: `npm run docs:sensitivity`
// (add `-- --scale S` to multiply every budget).
import { fileURLToPath } from 'node:url';
import {
  BUILTIN_SAFEGUARDS,
  InputError,
  loadScenarioFile,
  ratioTornado,
  sobol,
  tornado,
  uncertainty,
  type LoadedScenario,
  type RatioTornadoResult,
  type SobolResult,
  type TornadoResult,
  type UncertaintyResult,
} from '../src/index.ts';
import { withChanges } from '../src/scenario/index.ts';

export const SCENARIO = 'scenarios/korean-peninsula-2026.yaml';
/** Parameters with the widest tornado swings that the Sobol study keeps. */
export const SOBOL_PARAMETERS = 12;

export interface SensitivityStudy {
  readonly tornado: TornadoResult;
  readonly sobol: SobolResult;
  readonly uncertainty: UncertaintyResult;
  /** The best safeguard's risk ratio (most mean reduction over the parameters). */
  readonly ratio: {
    readonly safeguard: string;
    /** Its tornado, or why there is none at this budget (no use at baseline). */
    readonly tornado: RatioTornadoResult | { readonly error: string };
    /** Its Sobol indices, or why there are none at this budget. */
    readonly sobol: SobolResult | { readonly error: string };
  };
  readonly budget: Budget;
}

export interface Budget {
  readonly tornadoRuns: number;
  readonly basePoints: number;
  readonly sobolRepetitions: number;
  readonly parameterSets: number;
  readonly setRepetitions: number;
  /** Trials per arm of the ratio tornado (each with and without the safeguard). */
  readonly ratioRuns: number;
  readonly ratioBasePoints: number;
  /** Trials per parameter set of the ratio's Sobol study: its baseline needs uses in every set. */
  readonly ratioRepetitions: number;
}

export const DOC_BUDGET: Budget = {
  tornadoRuns: 10_000,
  basePoints: 200,
  sobolRepetitions: 200,
  parameterSets: 100,
  setRepetitions: 1_000,
  ratioRuns: 10_000,
  ratioBasePoints: 100,
  ratioRepetitions: 500,
};

/** The declared uncertainty cut down to some parameters (the others held at their values). */
function screened(loaded: LoadedScenario, kept: readonly string[]): LoadedScenario {
  const subset = Object.fromEntries(kept.map((p) => [p, loaded.scenario.uncertainty[p]]));
  return orThrow(withChanges(loaded, [{ path: ['uncertainty'], value: subset }], 'doc'));
}

function orThrow<T>(result: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Runs the three studies the document reports. */
export async function sensitivityStudy(budget: Budget, seed = 1): Promise<SensitivityStudy> {
  const file = fileURLToPath(new URL(`../${SCENARIO}`, import.meta.url));
  const loaded: LoadedScenario = orThrow(loadScenarioFile(file));
  const workers = 2;
  const bars = await tornado(loaded, { runs: budget.tornadoRuns, seed, workers });
  // Screen by the tornado, then apportion the variance among the widest swings.
  const kept = bars.bars.slice(0, SOBOL_PARAMETERS).map((b) => b.parameter);
  const indices = await sobol(screened(loaded, kept), {
    basePoints: budget.basePoints,
    repetitions: budget.sobolRepetitions,
    seed,
    workers,
  });
  const spread = await uncertainty(loaded, {
    parameterSets: budget.parameterSets,
    repetitions: budget.setRepetitions,
    safeguards: BUILTIN_SAFEGUARDS.map((s) => s.name),
    seed,
    workers,
  });
  // The best safeguard's ratio: screened by its own tornado, as P(use) is by its.
  const best = spread.safeguards[0].name;
  // An undefined ratio at a small budget is said in the document, never given a value.
  const undefinedRatio = (error: unknown) => {
    if (error instanceof InputError) return { error: error.message };
    throw error;
  };
  const ratioBars = await ratioTornado(loaded, best, {
    runs: budget.ratioRuns,
    seed,
    workers,
  }).catch(undefinedRatio);
  const ratioIndices =
    'error' in ratioBars
      ? ratioBars
      : await sobol(
          screened(
            loaded,
            ratioBars.bars.slice(0, SOBOL_PARAMETERS).map((b) => b.parameter),
          ),
          {
            ratio: best,
            basePoints: budget.ratioBasePoints,
            repetitions: budget.ratioRepetitions,
            seed,
            workers,
          },
        ).catch(undefinedRatio);
  return {
    tornado: bars,
    sobol: indices,
    uncertainty: spread,
    ratio: { safeguard: best, tornado: ratioBars, sobol: ratioIndices },
    budget,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const pts = (x: number) => `${(100 * x).toFixed(2)}`;
const num = (x: number) => x.toFixed(2);
const val = (x: unknown) =>
  typeof x === 'number' ? Number(x.toPrecision(3)).toString() : String(x);
const share = (x: { estimate: number; stderr: number }) =>
  `${(100 * x.estimate).toFixed(0)}% ± ${(100 * x.stderr).toFixed(0)}`;

/** The Markdown document for the studies. */
export function sensitivityMarkdown(study: SensitivityStudy): string {
  const { tornado: t, sobol: s, uncertainty: u, budget: b } = study;
  const bars = t.bars.map(
    (bar) =>
      `| \`${bar.parameter}\` | ${val(bar.baseline)} | ${val(bar.low.value)} → ${pct(bar.low.estimate.p)} | ${val(bar.high.value)} → ${pct(bar.high.estimate.p)} | ${pts(bar.swing.estimate)} [${pts(bar.swing.ci95[0])}, ${pts(bar.swing.ci95[1])}] |`,
  );
  const indices = s.indices.map(
    (i) =>
      `| \`${i.parameter}\` | ${num(i.first.estimate)} [${num(i.first.ci[0])}, ${num(i.first.ci[1])}] | ${num(i.total.estimate)} [${num(i.total.ci[0])}, ${num(i.total.ci[1])}] |`,
  );
  const use = u.outcomes.nuclearUse;
  const q = (x: { estimate: number; ci95: readonly [number, number] }) =>
    `${pct(x.estimate)} [${pct(x.ci95[0])}, ${pct(x.ci95[1])}]`;
  const guards = u.safeguards.map(
    (g) =>
      `| ${g.name} | ${pts(g.meanReduction.estimate)} ± ${pts(g.meanReduction.stderr)} | ${share(g.lowersRisk)} | ${share(g.best)} |`,
  );
  const widest = t.bars.slice(0, 3).map((bar) => `\`${bar.parameter}\``);
  const rt = study.ratio.tornado;
  const best = study.ratio.safeguard;
  const rs = study.ratio.sobol;
  const r3 = (x: number) => Number(x.toPrecision(3)).toString();
  const rci = (e: { estimate: number; ci95: readonly [number, number] } | null) =>
    e === null ? 'undefined' : `${r3(e.estimate)} [${r3(e.ci95[0])}, ${r3(e.ci95[1])}]`;
  const ratioBars = ('error' in rt ? [] : rt.bars).map(
    (bar) =>
      `| \`${bar.parameter}\` | ${val(bar.baseline)} | ${val(bar.low.value)} → ${bar.low.ratio ? r3(bar.low.ratio.estimate) : 'undefined'} | ${val(bar.high.value)} → ${bar.high.ratio ? r3(bar.high.ratio.estimate) : 'undefined'} | ${rci(bar.swing)} |`,
  );
  const ratioIndices =
    'error' in rs
      ? `No Sobol indices of the ratio at this budget: ${rs.error}.`
      : `Sobol indices of the ratio over the ${rs.indices.length} parameters with the widest ratio swings (the others held at
their values): ${rs.basePoints.toLocaleString('en-US')} base points × ${rs.repetitions.toLocaleString('en-US')} trials per parameter set, each with and without the
safeguard, ${rs.runs.toLocaleString('en-US')} trials; ${rs.ratio?.excludedBasePoints ?? 0} base points left out (no use at baseline in some set),
median ${rs.ratio?.medianBaselineHits ?? 0} uses per set at baseline. Mean ratio over the parameters ${r3(rs.mean)}; its spread (sd)
${r3(Math.sqrt(Math.max(0, rs.variance.estimate)))}, the inner noise of one set (sd) ${r3(Math.sqrt(rs.noiseVariance))}, removed. ${
          rs.variance.ci[0] > 0
            ? `Most of the variance: ${rs.indices
                .slice(0, 3)
                .map((i) => `\`${i.parameter}\``)
                .join(', ')}.`
            : 'At this budget the variance of the ratio over the parameters is not resolved (its interval reaches 0), so the indices below mean little and the tornado above is the answer: resolving them needs more trials per set, since the inner noise of a ratio shrinks only with the uses its baseline sees.'
        }${rs.warnings.length > 0 ? ` Warnings: ${rs.warnings.join('; ')}.` : ''}

| parameter | first order [95% CI] | total order [95% CI] |
| --- | --- | --- |
${rs.indices
  .map(
    (i) =>
      `| \`${i.parameter}\` | ${num(i.first.estimate)} [${num(i.first.ci[0])}, ${num(i.first.ci[1])}] | ${num(i.total.estimate)} [${num(i.total.ci[0])}, ${num(i.total.ci[1])}] |`,
  )
  .join('\n')}`;
  const inert = t.bars.filter((bar) => bar.swing.ci95[0] === 0 && bar.swing.ci95[1] === 0);
  const northHuman =
    inert.length > 0 && inert.every((b) => b.parameter.startsWith('actors.north.human.'));
  const inertText =
    inert.length === 0
      ? 'Every parameter changed some trial.'
      : `${inert.length} change no trial at all: ${inert.map((b) => `\`${b.parameter}\``).join(', ')}${
          northHuman
            ? " (with a 1-minute veto window the North's duty officer never decides in time, so its human parameters are inert here)"
            : ''
        }.`;
  return `# Sensitivity and uncertainty

<!-- Generated by \`npm run docs:sensitivity\` from scripts/sensitivity-doc.ts. Do not edit by hand. -->

Every interval Petrov prints elsewhere is Monte Carlo error: how precisely a run computed what its
assumptions imply. This page is about the assumptions themselves: which of them move the risk most
(\`petrov sensitivity\`), and how far the risk and the safeguards' ranking move when they are wrong
(\`petrov uncertainty\`).

## Declaring uncertain parameters

A scenario's \`uncertainty\` block maps any scenario path to a distribution; \`--uncertain
'path=kind(...)'\` adds one on the command line (see docs/scenario-reference.md):

| kind | fields | \`--uncertain\` form |
| --- | --- | --- |
| \`uniform\` | \`min\`, \`max\` | \`uniform(min, max)\` |
| \`loguniform\` | \`min\`, \`max\` (> 0) | \`loguniform(min, max)\` |
| \`triangular\` | \`min\`, \`mode\`, \`max\` | \`triangular(min, mode, max)\` |
| \`normal\` | \`mean\`, \`sd\`, truncated to the field's range | \`normal(mean, sd)\` |
| \`lognormal\` | \`median\`, \`sigma\`, truncated to the field's range | \`lognormal(median, sigma)\` |
| \`beta\` | \`alpha\`, \`beta\`, scaled to [\`min\`, \`max\`] (default [0, 1]) | \`beta(alpha, beta[, min, max])\` |
| \`discrete\` | \`values\`, optional \`weights\` | \`discrete(v1, v2, ...)\` |

Each entry says where its range comes from: \`source: S5\` (a key into docs/sources.md) or
\`assumption: why\`. Entries are validated like every field, naming the path and line: an unknown
kind, reversed bounds, a range outside the field's own (read from the schema), a path that names no
field. A parameter set is applied by the same patcher as \`--set\` and safeguards, and validated
again. The field keeps its own value in \`run\`, \`compare\` and the rest; the block does not enter
the scenario hash (it changes no model), and every study reports the distributions it drew from.

## The tornado

Each parameter at its 5% and 95% points, every other at its value in the file, all arms on the
same trials (trial _i_ of every arm draws the same random streams). Each end's change from the
baseline and the bar's swing (95% end minus 5% end) carry paired intervals: only trials whose
outcome the change flipped carry information, so a swing is resolved with far fewer trials than two
independent runs would need. A swing of exactly 0 [0, 0] means no trial changed: the parameter is
inert where the rest of the scenario sits (one at a time hides interactions; Sobol's total order
does not).

## Sobol indices, and the inner noise of a stochastic simulator

Petrov's output for one parameter set θ is itself an estimate: the share of R trials with the
outcome, Ŷ(θ) = f(θ) + ε, with f(θ) = P(outcome | θ) and inner noise ε of variance f(1 − f)/R.
Indices are those of f, the quantity a user asks about. Naive estimators applied to Ŷ count the
noise as variance nobody explains, which drags every index down (and, with independent streams,
shows up as spurious interaction).

The estimator: a Saltelli design of N base points, matrices A and B from a randomly shifted
Kronecker low-discrepancy sequence in 2k dimensions (Roberts 2018; no direction-number table, any N),
mapped through each parameter's quantile function, and for each base point the k + 2 parameter sets
A, B and A_B^i (A with column i from B). The k + 2 sets of one base point run on the same R trials
(common random numbers), and different base points on different trials (n·R … (n+1)·R − 1), so base
points are independent. From each pair's paired counts comes an unbiased estimate of the squared
difference of f, the squared mean difference less its own sampling variance s²/R (s² the per-trial
variance of the difference). Jansen's estimators on these debiased terms give

- V = ½ E (f_A − f_B)², the variance of f over the parameters, noise removed;
- V_Ti = ½ E (f_A − f_ABi)², so S_Ti = V_Ti / V (total order);
- V_i = V − ½ E (f_B − f_ABi)², so S_i = V_i / V (first order).

Every term is unbiased whatever R: noise adds spread, not sensitivity. Common random numbers make
the spread small where it matters: a parameter that flips no trial gives exactly 0. Intervals are
bootstrap percentiles over base points (1,000 resamples), which carries both the parameter sampling
and the inner noise. The split between N and R is the user's (\`--base-points\`, \`--repetitions\`):
the estimators stay unbiased for any R ≥ 2; at a fixed budget N·R, more base points narrow the
intervals until the inner noise dominates each squared difference, so choose R so that the inner
noise of one set (printed) is no larger than the spread over the parameters. A rival approach, the
generalised indices of Hart et al. (2017), treats the noise as one more input; we chose the mean's
indices because the question is which assumption moves P(nuclear use).

Validation (tests): the Ishigami function's known indices lie inside their intervals
(src/analysis/sobol-indices.test.ts); the analytic scenario with \`l\`, \`f\` and \`m\` uniform on
ranges, a hundred trials per parameter set, holds the indices of 1 − exp(−l f m T) computed by
Gauss–Legendre quadrature inside its intervals, at a family-wise 95% level (test/sobol.test.ts); a
parameter the model ignores gets exactly 0; one and two workers give identical indices.

## Sensitivity of a safeguard's risk ratio

\`petrov sensitivity FILE --ratio SAFEGUARD\` (the API's \`ratio\`, the web page's "Study" picker)
asks which assumption decides how much a safeguard helps: the quantity studied is the risk ratio
r(θ) = P(outcome | safeguard, θ) / P(outcome | θ), the number \`petrov compare\` reports. We study
the ratio itself, not its log: its variance is on the scale users read (0.5 against 0.8), and the
log is −∞ whenever the safeguarded arm sees no use, common for strong safeguards at modest R,
while the ratio is then 0, a valid value. The ratio is undefined only when the baseline sees none.

Each parameter set runs twice on the same R trials, without and with the safeguard (applied after
the parameter changes, by the one patcher), and all 2(k + 2) arms of a base point share trials. The
per-set estimate is r̂ = c₁ / c₀. By the delta method r̂ − r ≈ mean over trials of
(y₁ − r y₀) / p₀, so a difference r̂_s − r̂_s′ of two sets is a mean of per-trial terms
ψ = Σᵢ wᵢ yᵢ over their four arms, with weights from the counts; its variance is
(Σᵢⱼ wᵢ wⱼ nᵢⱼ / R) / (R − 1), where nᵢⱼ counts trials with the outcome in both arms i and j (the
kernel counts exactly the pairs the estimator uses). The debiased squared difference
(r̂_s − r̂_s′)² − Var̂ replaces that of P in Jansen's estimators, and the bootstrap is as above, so
inner noise again adds spread but not sensitivity. The correction is first order in 1/(R p₀).
Where the safeguard's uses are a subset of the baseline's on the same trials (a safeguard that
only moves parameters the safe way), r̂ is even conditionally unbiased given c₀ > 0, since c₁ given
c₀ is binomial(c₀, r). The study reports the median baseline count per set and warns below 10.

A base point with a set whose baseline saw no outcome has no ratio there. It is left out of the
indices, counted (\`ratio.excludedBasePoints\`) and warned of, and the study is refused (naming
\`repetitions\`) if fewer than two remain. Leaving them out conditions on a visible baseline risk:
when more than a few percent are left out, the indices describe the region of the parameters where
the baseline risk shows at this R, so raise \`--repetitions\`. The ratio tornado runs the baseline
and each end with and without the safeguard on the same trials. Each end's ratio carries the
matched-pairs log interval of \`petrov compare\`; each change from the baseline's ratio and each
swing carries the delta-method paired interval from the joint counts of its four arms. An end whose
baseline saw no use is shown as undefined and counted.

Validation (test/ratio-sensitivity.test.ts): dual phenomenology on the analytic scenario, whose
ratio is r = (1 − e^(−x q)) / (1 − e^(−x)) with x = l f m T and q = c + (1 − c) fp₂, with l, the
human's catch probability and the common cause c uniform. Every tornado end, change and swing holds
the closed form (family-wise 95%). The Sobol indices of r by Gauss–Legendre quadrature lie inside
their family-wise intervals at 200 trials per set, where inner noise is about a tenth of the raw
spread. One and two workers give identical indices, and undefined base points are counted.

## Too few base points

With fewer than 100 usable base points every Sobol study warns (text, \`--json\` \`warnings\`, the
HTML report and the web page) that the percentile bootstrap can be far too narrow or explode, and one whose
variance interval reaches 0 warns that the indices divide by a variance it has not resolved. Fewer
than 10 base points (or more than 10⁶) are refused, naming \`--base-points\` or the API's
\`basePoints\`.

## Two-level uncertainty

\`petrov uncertainty\` draws N parameter sets by the same kind of design, runs each on its own R
trials and reports, for P(nuclear use) and each cause, the mean over the parameters (with its
Monte Carlo error sd/√N, exact for independent sets), the median and the 5% and 95% points (with
bootstrap 95% intervals over the sets), and which share of the spread of the per-set estimates is
inner noise (mean of p̂(1 − p̂)/(R − 1)) rather than parameter uncertainty. The band is of per-set
estimates and so includes their noise; when the noise share is large, raise \`--repetitions\`. With
\`--safeguard\`s, each safeguard runs at every parameter set on that set's trials: the share of
sets where it lowers the risk, where it is the best, its mean reduction, and the share of sets
where the order of the mean reductions holds.

## The Korean scenario: which assumptions matter most

Tornado of \`${SCENARIO}\`: ${t.bars.length} declared parameters, ${t.runs.toLocaleString('en-US')} trials per arm, seed ${t.seed},
Petrov ${t.version}, scenario ${t.scenario.hash.slice(0, 12)}. Baseline P(nuclear use) ${pct(t.baseline.p)}
[${pct(t.baseline.ci95[0])}, ${pct(t.baseline.ci95[1])}]. Widest swings: ${widest.join(', ')}. ${inertText}

| parameter | value | at 5% → P | at 95% → P | swing, pts [paired 95% CI] |
| --- | --- | --- | --- | --- |
${bars.join('\n')}

Sobol indices of P(nuclear use) over the ${s.indices.length} parameters with the widest swings (the others held at
their values): ${s.basePoints.toLocaleString('en-US')} base points × ${s.repetitions} trials per parameter set, ${s.runs.toLocaleString('en-US')} trials. Mean P over
the parameters ${pct(s.mean)}; their spread (sd) ${pct(Math.sqrt(Math.max(0, s.variance.estimate)))}, the inner noise of one set
(sd) ${pct(Math.sqrt(s.noiseVariance))}, removed. Bootstrap 95% intervals; wide intervals mean more base points are needed,
not that the parameters do not matter.

| parameter | first order [95% CI] | total order [95% CI] |
| --- | --- | --- |
${indices.join('\n')}

## The Korean risk with its parameter band

Over all ${u.parameters.length} declared parameters, ${u.parameterSets} parameter sets × ${u.repetitions.toLocaleString('en-US')} trials: P(nuclear use) has mean
${pct(use.mean.estimate)} ± ${pct(use.mean.stderr)}, median ${q(use.median)}, and 5–95% band ${q(use.p05)} to
${q(use.p95)}. Inner noise is ${use.noiseShare === null ? 'n/a' : `${(100 * use.noiseShare).toFixed(0)}%`} of the spread of the per-set estimates; the
rest is parameter uncertainty. Compare the ${pct(t.baseline.p)} of the file's own values: the Monte Carlo interval
of one run is a small part of how sure we can be.

## Does the safeguard ranking of docs/safeguards.md survive?

Each built-in safeguard at every parameter set, on that set's trials:

| safeguard | mean risk reduction, pts ± MC error | P(lowers the risk) | P(best) |
| --- | --- | --- | --- |
${guards.join('\n')}

The full order above holds in ${share(u.ranking?.holds ?? { estimate: 0, stderr: 0 })} of parameter sets (ties count as holding). A share
near 1 in "lowers the risk" says the safeguard helps whatever the assumptions; the ranking itself is
fragile wherever neighbours' mean reductions are close.

## The best safeguard's risk ratio: which assumptions matter most

${
  'error' in rt
    ? `The safeguard with the largest mean reduction above, ${best}, has no ratio tornado at this budget: ${rt.error}.`
    : `The safeguard with the largest mean reduction above, ${best}, has risk ratio ${rci(rt.baseline)}
at the file's values (${rt.runs.toLocaleString('en-US')} trials per arm, each with and without it). Tornado of its ratio
(below 1 it cuts the risk; a swing is the 95% end's ratio less the 5% end's, paired 95% CI)${rt.undefinedEnds > 0 ? `; ${rt.undefinedEnds} ends saw no use without it and are undefined` : ''}.
Widest swings, the assumptions that most decide how much it helps: ${rt.bars
        .slice(0, 3)
        .map((bar) => `\`${bar.parameter}\``)
        .join(', ')}.

| parameter | value | at 5% → ratio | at 95% → ratio | swing [paired 95% CI] |
| --- | --- | --- | --- | --- |
${ratioBars.join('\n')}`
}

${ratioIndices}

Reproduce with \`petrov sensitivity ${SCENARIO} --runs ${b.tornadoRuns}\`, and
\`petrov uncertainty ${SCENARIO} --parameter-sets ${b.parameterSets} --repetitions ${b.setRepetitions}\` with each built-in
\`--safeguard\`; the ratio with \`petrov sensitivity ${SCENARIO} --ratio ${best} --runs ${b.ratioRuns}\`
and, on the screened parameters, \`--sobol --base-points ${b.ratioBasePoints} --repetitions ${b.ratioRepetitions}\`.
`;
}
