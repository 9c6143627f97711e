// Regenerates the variant tables in docs/capability.md (M6 and the article's claims):
//   npm run docs:capability                      200,000 trials per variant (the committed doc)
//   npm run docs:capability -- --runs 2000       a quick look
// The rates tables need no simulation; a test checks they match the doc and runs the risk table
// on a small budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import {
  DOMAINS,
  formatIssue,
  loadScenarioFile,
  scenarioCapability,
  simulate,
  type ActorCapability,
  type LoadedScenario,
  type ProportionEstimate,
} from '../src/index.ts';

export const DOC = fileURLToPath(new URL('../docs/capability.md', import.meta.url));
const BASELINE = 'scenarios/korean-peninsula-2026.yaml';
const CAPABILITY = 'scenarios/korean-peninsula-2026-capability.yaml';
const T = 'actors.north.ai.training';

/** Hyperscale hardware and power: H100-class accelerators, power to spare, a tuned run. */
const UNCONSTRAINED = [
  `${T}.accelerators.count=20000`,
  `${T}.accelerators.peakTflops=989`,
  `${T}.accelerators.boardPowerW=700`,
  `${T}.power.availableMW=50`,
  `${T}.power.pue=1.58`,
  `${T}.utilisation=0.4`,
];
/** Training data matched to the threats on the peninsula: missiles, aircraft, ships. */
const PENINSULA = [
  `${T}.data.mix.ballistic=0.3`,
  `${T}.data.mix.air=0.3`,
  `${T}.data.mix.naval=0.25`,
  `${T}.data.mix.land=0.15`,
];
/** A sensitivity: a task that needs a thousand times the reference compute. */
const LARGE_MODEL = [`${T}.law.referenceCompute=1e24`];

/** A named group of `--set` overrides. */
export interface Recipe {
  readonly name: string;
  readonly meaning: string;
  readonly sets: readonly string[];
}

const U: Recipe = {
  name: 'unconstrained',
  meaning: 'hyperscale hardware and power: 20,000 H100-class accelerators, 50 MW, a tuned run',
  sets: UNCONSTRAINED,
};
const P: Recipe = {
  name: 'peninsula data',
  meaning: 'training data matched to the threats on the peninsula: missiles, aircraft, ships',
  sets: PENINSULA,
};
const L: Recipe = {
  name: 'C₀ × 1000',
  meaning: 'sensitivity: a task that needs a thousand times the reference compute',
  sets: LARGE_MODEL,
};
export const RECIPES: readonly Recipe[] = [U, P, L];

export interface Variant {
  readonly label: string;
  readonly file: string;
  readonly recipes: readonly Recipe[];
}

export const VARIANTS: readonly Variant[] = [
  { label: 'Baseline, rates typed in', file: BASELINE, recipes: [] },
  { label: 'Constrained, Ukraine-war data', file: CAPABILITY, recipes: [] },
  { label: 'Unconstrained, Ukraine-war data', file: CAPABILITY, recipes: [U] },
  { label: 'Constrained, peninsula data', file: CAPABILITY, recipes: [P] },
  { label: 'Unconstrained, peninsula data', file: CAPABILITY, recipes: [U, P] },
  { label: 'Constrained, Ukraine-war data, C₀ × 1000', file: CAPABILITY, recipes: [L] },
  { label: 'Unconstrained, Ukraine-war data, C₀ × 1000', file: CAPABILITY, recipes: [U, L] },
];

function load(v: Variant): LoadedScenario {
  const path = fileURLToPath(new URL(`../${v.file}`, import.meta.url));
  const result = loadScenarioFile(
    path,
    v.recipes.flatMap((r) => r.sets),
  );
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

function north(v: Variant): ActorCapability {
  const report = scenarioCapability(load(v).scenario).find((a) => a.actor === 'north');
  if (report === undefined) throw new Error(`${v.file} has no actor north`);
  return report;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** Three significant figures, so small probabilities keep their precision. */
const prob = (x: number) => (x === 0 ? '0' : `${(100 * x).toPrecision(3)}%`);
const sci = (x: number) => x.toExponential(1).replace(/e\+?(-?\d+)/, ' × 10^$1');
const count = (n: number) => n.toLocaleString('en-US');

/** The recipes and the per-domain rates: no simulation, so the doc must match them exactly. */
export function ratesMarkdown(): string {
  const lines = [
    ...RECIPES.flatMap((r) => [
      `**${r.name}**: ${r.meaning}.`,
      '',
      '```',
      ...r.sets.map((set) => `--set ${set}`),
      '```',
      '',
    ]),
    '| variant | scenario file | overrides |',
    '| --- | --- | --- |',
    ...VARIANTS.map(
      (v) =>
        `| ${v.label} | \`${v.file}\` | ${v.recipes.map((r) => r.name).join(' + ') || 'none'} |`,
    ),
    '',
    'The North’s AI in each variant. Compute is in FLOP; the confidence is the median the AI reports',
    'on a wrong hostile label (the North acts only above 0.9).',
    '',
    '| variant | accelerators usable / requested | binds | compute | confidence on wrong labels |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  const reports = VARIANTS.map(north);
  VARIANTS.forEach((v, i) => {
    const r = reports[i];
    const c = r.capability;
    lines.push(
      c === null
        ? `| ${v.label} | — | — | — | ${r.wrongConfidence.toFixed(2)} |`
        : `| ${v.label} | ${count(c.usable)} / ${count(c.requested)} | ${c.binding} | ${sci(c.computeFlop)} | ${r.wrongConfidence.toFixed(2)} |`,
    );
  });
  lines.push(
    '',
    'Per domain: false-positive rate · false-negative rate · over-confidence (probability points).',
    '',
    `| variant | ${DOMAINS.join(' | ')} |`,
    `| --- |${DOMAINS.map(() => ' ---: |').join('')}`,
  );
  VARIANTS.forEach((v, i) => {
    const r = reports[i];
    const cells = DOMAINS.map((d) => {
      const gap =
        r.capability === null ? '—' : `+${r.capability.domains[d].calibrationGap.toFixed(2)}`;
      return `${pct(r.falsePositive[d])} · ${pct(r.falseNegative[d])} · ${gap}`;
    });
    lines.push(`| ${v.label} | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

const interval = (e: ProportionEstimate) => `${prob(e.p)} [${prob(e.ci95[0])}, ${prob(e.ci95[1])}]`;

export interface RiskOptions {
  /** Trials per variant. Default 200,000. */
  readonly runs?: number;
  /** Seed shared by every variant (common random numbers). Default 1. */
  readonly seed?: number;
  /** Called after each variant. */
  readonly onVariant?: (label: string) => void;
}

/** P(nuclear use) per 30-day crisis for every variant, with Wilson 95% intervals. */
export async function riskMarkdown(options: RiskOptions = {}): Promise<string> {
  const runs = options.runs ?? 200_000;
  const seed = options.seed ?? 1;
  const lines = [
    `${count(runs)} trials per variant, seed ${seed} for every variant (common random numbers).`,
    'Probability per 30-day crisis with its Wilson 95% interval.',
    '',
    '| variant | P(nuclear use) | of which: false alarm | of which: decapitation misread |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const v of VARIANTS) {
    const result = await simulate(load(v), { runs, seed, examples: 0 });
    const o = result.outcomes;
    lines.push(
      `| ${v.label} | ${interval(o.nuclearUse)} | ${interval(o.byCause.false_alarm)} | ${interval(o.byCause.decapitation_misread)} |`,
    );
    options.onVariant?.(v.label);
  }
  return lines.join('\n');
}

/** Replaces the text between `<!-- begin NAME -->` and `<!-- end NAME -->`. */
export function replaceSection(doc: string, name: string, content: string): string {
  const begin = `<!-- begin ${name} -->`;
  const end = `<!-- end ${name} -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/capability.md has no section ${name}`);
  return `${doc.slice(0, i + begin.length)}\n${content}\n${doc.slice(j)}`;
}

/** Formats the doc as `npm run format` would, so the generated tables pass the format check. */
export async function formatDoc(doc: string): Promise<string> {
  const config = (await resolveConfig(DOC)) ?? {};
  return format(doc, { ...config, filepath: DOC });
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]?.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} expects a whole number`);
  return n;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  const runs = flag('--runs', 200_000);
  const seed = flag('--seed', 1);
  let doc = readFileSync(DOC, 'utf8');
  doc = replaceSection(doc, 'capability-rates', ratesMarkdown());
  const risk = await riskMarkdown({
    runs,
    seed,
    onVariant: (label) => process.stdout.write(`  ${label}\n`),
  });
  doc = replaceSection(doc, 'capability-risk', risk);
  writeFileSync(DOC, await formatDoc(doc));
  process.stdout.write(`wrote docs/capability.md (${count(runs)} trials per variant)\n`);
}
