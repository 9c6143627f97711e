// Builds docs/calibration.md: the historical scenario beside the record, its calibration, the
// annual risk beside published estimates, and the incidents of the record. The test suite runs
// it on a small budget; `npm run docs:calibration` on the full one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  calibrate,
  loadObservedFile,
  loadScenarioFile,
  parseIncidents,
  recordCheck,
  type CalibrationResult,
  type Incident,
  type ObservedData,
  type RecordCheckRow,
  type WeightedSummary,
} from '../src/index.ts';
import { coverageStudy, type CoverageStudy } from './calibration-coverage.ts';
import { crisesMarkdown, crisesStudy, type CrisesStudy } from './crises-doc.ts';

const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
export const SCENARIO = 'scenarios/us-early-warning-1977-1984.yaml';
export const DATA = 'data/us-warning-1977-1984.yaml';
export const INCIDENTS = 'data/incidents.csv';

export interface CalibrationBudget {
  readonly draws: number;
  readonly repetitions: number;
  /** Trials of the scenario as written, and of each point of the catch-probability sweep. */
  readonly check: number;
  /** Parameter sets, and trials per set, for each crisis of the side-by-side table. */
  readonly crisisSets: number;
  readonly crisisRepetitions: number;
  /** Repetitions of the synthetic-data check (at the test's budget per repetition). */
  readonly coverageReps: number;
}

export const DOC_BUDGET: CalibrationBudget = {
  draws: 600,
  repetitions: 400,
  check: 4000,
  crisisSets: 100,
  crisisRepetitions: 400,
  coverageReps: 20,
};

const SWEEP = [0.8, 0.9, 0.99, 0.999];

export interface CalibrationStudy {
  readonly budget: CalibrationBudget;
  readonly seed: number;
  readonly data: ObservedData;
  readonly check: readonly RecordCheckRow[];
  readonly sweep: readonly { catchProbability: number; perYear: RecordCheckRow }[];
  readonly result: CalibrationResult;
  readonly incidents: readonly Incident[];
  readonly crises: CrisesStudy;
  readonly coverage: CoverageStudy;
}

function load(sets: string[] = []) {
  const loaded = loadScenarioFile(path(SCENARIO), sets);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

export async function calibrationStudy(
  budget: CalibrationBudget = DOC_BUDGET,
  seed = 1,
): Promise<CalibrationStudy> {
  const observed = loadObservedFile(path(DATA));
  if (!observed.ok) throw new Error(JSON.stringify(observed.issues));
  const data = observed.value;
  const check = await recordCheck(load(), data, { trials: budget.check, seed });
  const sweep = [];
  for (const c of SWEEP) {
    const rows = await recordCheck(load([`actors.us.human.catchProbability=${c}`]), data, {
      trials: budget.check,
      seed,
    });
    sweep.push({ catchProbability: c, perYear: rows[rows.length - 1] });
  }
  const result = await calibrate(load(), data, {
    draws: budget.draws,
    repetitions: budget.repetitions,
    seed,
  });
  const incidents = parseIncidents(readFileSync(path(INCIDENTS), 'utf8'), INCIDENTS);
  const crises = await crisesStudy(budget.crisisSets, budget.crisisRepetitions, seed);
  const coverage = await coverageStudy({
    reps: budget.coverageReps,
    draws: 128,
    repetitions: 100,
    few: 10,
    many: 100,
  });
  return { budget, seed, data, check, sweep, result, incidents, crises, coverage };
}

const sig = (x: number) =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : Number(x.toPrecision(3)).toString();
const pct = (x: number) =>
  x === 0 ? '0%' : `${Number((100 * x).toPrecision(x < 0.001 ? 1 : 2)).toString()}%`;
const band = (s: WeightedSummary, f = sig) => `${f(s.p50)} [${f(s.p05)}, ${f(s.p95)}]`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function calibrationMarkdown(study: CalibrationStudy): string {
  const { result: r, check, sweep, data, budget: b, coverage: cov } = study;
  const stageRows = data.stages.map((s, i) => {
    const c = check[i];
    return `| ${s.stage} | \`${s.measure}\` | ${sig(s.observed)} over ${'years' in s.exposure ? `${s.exposure.years} years` : `${s.exposure.trials} trials`} | ${sig(c.observedRate[0])} – ${sig(c.observedRate[1])} | ${sig(c.simulated)} ± ${sig(c.stderr)} | ${c.inside ? 'yes' : '**no**'} |`;
  });
  const params = r.parameters.map(
    (p) =>
      `| \`${p.name}\` | ${p.prior ? band(p.prior) : '–'} | ${p.posterior ? band(p.posterior) : '–'} |`,
  );
  const checks = r.stages.map(
    (s) =>
      `| ${s.stage} | ${sig(s.observed)} | ${sig(s.check.mean)} | ${sig(s.check.interval90[0])} – ${sig(s.check.interval90[1])} | ${s.check.pValue.toFixed(2)} |`,
  );
  const use = r.nuclearUse;
  const sweepRows = sweep.map(
    ({ catchProbability: c, perYear: u }) =>
      `| ${c} | ${pct(u.simulated)} ± ${pct(u.stderr)} | ${pct(-Math.expm1(-8 * u.simulated))} |`,
  );
  const incidents = study.incidents.map(
    (i) =>
      `| ${i.id} | ${i.date} | ${cell(i.category)} | ${cell(i.mechanism)} | ${
        i.informs === ''
          ? '–'
          : i.informs
              .split('; ')
              .map((x) => `\`${x}\``)
              .join(', ')
      } | ${i.record_stage === '' ? '–' : cell(i.record_stage)} | ${cell(i.resolved_by)} | ${cell(i.source)} |`,
  );
  const fy = (s: WeightedSummary) => `${pct(s.mean)} ± ${pct(s.stderr)}`;
  return `# Calibration against the historical record

<!-- Generated by \`npm run docs:calibration\` from scripts/calibration-doc.ts. Do not edit by hand. -->

A model of inadvertent nuclear use is only as good as its link to what happened. The open record
of the US missile warning system in 1977–84 is rich at every stage below use: thousands of
missile display conferences a year, a hundred and more about possible threats, a few threat
assessment conferences, three changes of alert, and no use. This page sets a scenario of that
warning chain beside the record, weighs its uncertain parameters against the record by Bayesian
calibration (\`petrov calibrate\`), and states what the record can and cannot pin down.

Budget: ${sig(b.draws)} prior draws × ${sig(b.repetitions)} trials each, ${sig(b.check)} trials for the
scenario as written and for each point of the sweep, seed ${study.seed}. Numbers are rounded to 3
significant figures.

## The warning chain as decision stages

[\`${SCENARIO}\`](../${SCENARIO}) is one actor, one trial per calendar year, the legacy
classifier only. Each conference of the record is a stage the engine counts
([\`${DATA}\`](../${DATA}) names the count for each):

| stage of the record | engine count | observed | record's exact 95% interval per year | simulated per year | inside |
| --- | --- | --- | --- | --- | --- |
${stageRows.join('\n')}

How the stages map. Every event on the warning displays is a track (50–60 Soviet test launches a
year as benign activity, the rest as sensor false alarms); a track labelled benign at once is a
routine conference; one labelled hostile is a conference about a possible threat; one whose
reported confidence passes the threshold reaches a threat assessment conference (TAC), which
decides within a window of 4 minutes (an SLBM's 10 minutes less detection and conferencing). When
the TAC does not conclude inside the window, the launch-under-attack doctrine leaves the forces
to take preliminary survival actions and wait for a confirmation step — an alert change, as in
November 1979 and June 1980 — which "confirms" a false warning with a small probability. Nuclear
use is a TAC approving a wrong warning, or that step confirming one. The intervals are the exact
(Garwood) Poisson intervals of the 8-year totals; the test \`test/historical.test.ts\` checks that
every simulated rate lies inside them.

## What the record cannot pin

Stages below use are informative about the stages' rates, not about the last step. With every
stage reproduced, the probability of use still swings with the TAC's catch probability:

| TAC catch probability | P(use) per year | P(use within 8 years) |
| --- | --- | --- |
${sweepRows.join('\n')}

Zero uses in 8 years rule out only rates above about ${pct(3.69 / 8)} a year (the Poisson 95% upper
bound, 3.69 / 8): the record is compatible with each row. This is why calibration uses every stage,
and why the posterior below still leaves a wide band on P(use).

## Method

The prior is the scenario's \`uncertainty\` block. \`petrov calibrate\` draws N parameter sets from it
by a randomly shifted Kronecker sequence (the design of \`petrov uncertainty\`) and runs each on its
own R trials. For stage s with K observed events over exposure E trials, a draw that produced S
simulated events in its R trials has likelihood

\`\`\`
L_s = ∫ Poisson(K; E μ) Gamma(μ; S + ½, R) dμ
    = Γ(K + a) / (Γ(a) K!) × (R / (R + E))^a × (E / (R + E))^K,     a = S + ½
\`\`\`

the Poisson likelihood of the record integrated over the Jeffreys posterior of the draw's own
rate: a negative binomial. A stage the draw never produced (S = 0) keeps a finite likelihood, and
Monte Carlo noise in the draw's rate widens the likelihood instead of being mistaken for
information. Each draw's weight is the product over stages; the posterior is the weighted draws
(self-normalised importance sampling with the prior as proposal). Reported:

- each parameter's median and 5–95% band, prior and posterior (weighted quantiles);
- the effective number of draws, (Σw)² / Σw², with a warning below ${30}: then the data pin the
  parameters more tightly than the prior draws can follow (raise \`--draws\` or narrow the prior);
- posterior predictive checks: per stage, the mixture over the weighted draws of
  Poisson(E × the draw's rate), its 90% interval and the two-sided tail probability of the
  observed count (a warning below 0.05);
- P(use) per trial over the prior and the posterior: the weighted mean with its
  importance-sampling error and the 5–95% band of the per-draw estimates, inner Monte Carlo
  noise included (its share is printed); with \`crisesPerYear\` declared, also per year,
  1 − exp(−crisesPerYear × P(use per crisis)), the crises arriving as a Poisson process.

**Validation** (\`test/calibration.test.ts\`, scripts/calibration-coverage.ts). Counts simulated
from the analytic scenario at known values (false-positive probability 0.05, catch probability
0.9) over ${cov.budget.few} and ${cov.budget.many} trials serve as data; calibration from a prior covering
both (${cov.budget.draws} draws × ${cov.budget.repetitions} trials) should recover them. Over
${cov.budget.reps} repetitions the true values fell inside the 90% posterior intervals in
${cov.covered.join(' and ')} (false-positive probability, catch probability), and ${cov.budget.many / cov.budget.few}
times the data narrowed the interval in ${cov.narrower.join(' and ')}; the least effective number of
draws was ${sig(cov.minEffectiveDraws)}. The test asks for 4 of 5 of each.

## The posterior for the historical scenario

${sig(r.draws)} draws, ${sig(r.effectiveDraws)} effective.

| parameter | prior median [5%, 95%] | posterior median [5%, 95%] |
| --- | --- | --- |
${params.join('\n')}

Posterior predictive checks:

| stage | observed | predicted mean | 90% predictive interval | p |
| --- | --- | --- | --- | --- |
${checks.join('\n')}
${r.warnings.length > 0 ? `\nWarnings: ${r.warnings.join('; ')}.\n` : ''}
## Annual risk

One trial of the historical scenario is a year, so its P(use) is a rate per year of the
1977–84 warning chain in peacetime:

| | mean ± error | median [5%, 95%] of the draws |
| --- | --- | --- |
| prior | ${fy(use.prior)} | ${band(use.prior, pct)} |
| posterior | ${fy(use.posterior)} | ${band(use.posterior, pct)} |

${sig(100 * (r.noiseShare ?? 0))}% of the posterior spread of the per-draw estimates is inner
sampling noise at ${sig(r.repetitions)} trials a draw: the band is an upper bound on the
parameter uncertainty.

Beside published estimates (docs/sources.md [S24]): Hellman puts the failure rate of nuclear
deterrence on the order of **1% a year**; Barrett, Baum and Hostetler (2013), a fault-tree and
Poisson model of US–Russian inadvertent war from early-warning false alarms, find annual
probabilities spanning orders of magnitude with assumptions, up to about **1 in 100 a year** in
their high cases; Rethink Priorities aggregates to about 1.1% a year for any nuclear war. The
posterior here is a rate of use from false alarms alone, in peacetime, with a stylized last step:
a counterpart of one branch of those estimates, not a test of them.

${crisesMarkdown(study.crises)}

## The incidents

The record's close calls, bundled as [\`${INCIDENTS}\`](../${INCIDENTS}), each linked to the
mechanism it exercises and the scenario parameter it informs (\`<id>\` is any actor; \`us\` the
historical scenario's). Only CC13–CC16 are counts of the calibrated record; the others are
survivor-biased examples that inform a mechanism's shape, not a rate.

| id | date | category | mechanism | informs | stage of the record | what stopped it | source |
| --- | --- | --- | --- | --- | --- | --- | --- |
${incidents.join('\n')}

## Limitations

- The NORAD per-year series is reproduced in secondary compilations and was not re-verified
  (status R in docs/sources.md); the alert count (3) is from the dated incidents; the Senate
  report counted 4 "preliminary survival actions" in January 1979 – June 1980.
- The yearly counts are overdispersed (routine conferences ranged from 1,009 to 3,815 a year):
  treating 8-year totals as Poisson makes the intervals of the large stages too narrow. The
  routine and possible-threat rates are therefore fixed in the scenario and serve as checks.
- The mechanics between stages (one threshold, one window, one confirmation step) are the model's
  simplification; the calibrated parameters mean "what this structure needs", not measured
  properties of NORAD.
- Likelihood weighting from the prior degrades when the data are much sharper than the prior
  (few effective draws, said in a warning); a sequential or MCMC method would be the next step.
`;
}
