// The four crises side by side for docs/calibration.md: P(use) per crisis and per year over each
// scenario's declared uncertain parameters (the prior: no data), with the parameters' bands.
import { fileURLToPath } from 'node:url';
import {
  calibrate,
  loadScenarioFile,
  type CalibrationResult,
  type WeightedSummary,
} from '../src/index.ts';

export const CRISES = [
  'scenarios/korean-peninsula-2026.yaml',
  'scenarios/us-soviet-1983.yaml',
  'scenarios/south-asia-india-pakistan.yaml',
  'scenarios/taiwan-strait.yaml',
];

export interface CrisesStudy {
  readonly sets: number;
  readonly repetitions: number;
  readonly crises: readonly { readonly file: string; readonly result: CalibrationResult }[];
}

export async function crisesStudy(
  sets: number,
  repetitions: number,
  seed = 1,
): Promise<CrisesStudy> {
  const crises = [];
  for (const file of CRISES) {
    const loaded = loadScenarioFile(fileURLToPath(new URL(`../${file}`, import.meta.url)));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    // No stages: every weight is equal, so the "posterior" is the prior propagated.
    const result = await calibrate(
      loaded.value,
      { name: 'none (prior only)', stages: [] },
      {
        draws: sets,
        repetitions,
        seed,
      },
    );
    crises.push({ file, result });
  }
  return { sets, repetitions, crises };
}

const sig = (x: number) => Number(x.toPrecision(3)).toString();
const pct = (x: number) => (x === 0 ? '0%' : `${Number((100 * x).toPrecision(2)).toString()}%`);
const est = (s: WeightedSummary) => `${pct(s.mean)} ± ${pct(s.stderr)}`;
const band = (s: WeightedSummary, f = pct) => `${f(s.p50)} [${f(s.p05)}, ${f(s.p95)}]`;

/** The lowest and highest mean P(use) per year among the crises that declare a frequency. */
function range(study: CrisesStudy): string {
  const means = study.crises.flatMap(({ result }) =>
    result.perYear ? [result.perYear.prior.mean] : [],
  );
  return means.length === 0 ? '–' : `${pct(Math.min(...means))} to ${pct(Math.max(...means))}`;
}

export function crisesMarkdown(study: CrisesStudy): string {
  const rows = study.crises.map(({ file, result: r }) => {
    const f = r.parameters.find((p) => p.name === 'crisesPerYear')?.prior;
    const year = r.perYear;
    return `| ${r.scenario.name} ([\`${file.replace('scenarios/', '')}\`](../${file})) | ${sig(r.horizonDays)} | ${est(r.nuclearUse.prior)} | ${band(r.nuclearUse.prior)} | ${f ? band(f, sig) : '–'} | ${year ? est(year.prior) : '–'} | ${year ? band(year.prior) : '–'} |`;
  });
  const bands = study.crises.map(
    ({ result: r }) => `### ${r.scenario.name}

| parameter | 5% | median | 95% |
| --- | --- | --- | --- |
${r.parameters
  .filter((p) => p.prior)
  .map(
    (p) => `| \`${p.name}\` | ${sig(p.prior!.p05)} | ${sig(p.prior!.p50)} | ${sig(p.prior!.p95)} |`,
  )
  .join('\n')}`,
  );
  return `## Four crises side by side

Each crisis over its own declared uncertain parameters (${study.sets} parameter sets of a
low-discrepancy design × ${study.repetitions} trials each): P(nuclear use) per crisis as the mean over
the parameters with its Monte Carlo error and the median with the 5–95% band of the per-set
estimates (inner noise included), and, where the scenario declares how often such crises arise
(\`crisesPerYear\`, itself uncertain), per year as 1 − exp(−crisesPerYear × P(use per crisis)). No
record constrains these three crises the way the 1977–84 series constrains the warning chain:
their bands are the prior's. The Korean scenario declares no crisis frequency.

| crisis | days | P(use) per crisis | median [5%, 95%] | crises per year | P(use) per year | median [5%, 95%] |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Per year, the crises that declare a frequency give means from ${range(study)}, beside Hellman's
order of 1% a year and Barrett, Baum and Hostetler's up to about 1 in 100 a year in high cases
([S24]); the figures are what each scenario's stylized assumptions imply, not forecasts.

The parameter bands (5%, median, 95% of each declared distribution over the design):

${bands.join('\n\n')}`;
}
