import type { ProportionEstimate } from '../estimate/index.ts';
import type { ComparisonResult, RunResult } from '../runner/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';
import { intervalChart, type IntervalRow } from '../charts/index.ts';
import { renderChart } from './render-chart.ts';
import { esc, REPORT_STYLE as STYLE } from './report-parts.ts';

/** What a report shows besides the result: where it came from and how to get it again. */
export interface ReportInput {
  readonly result: RunResult | ComparisonResult;
  /** The scenario file's text as it was run. */
  readonly scenarioText: string;
  /** Every option of the run, as stored: shown as given. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The command line that reproduces the result. */
  readonly command: string;
}

const pct = (x: number) => (x === 0 ? '0%' : `${(100 * x).toPrecision(3)}%`);
const words = (s: string) => s.replaceAll('_', ' ');
const row = (label: string, e: ProportionEstimate, reference = false): IntervalRow => ({
  label,
  estimate: e.p,
  low: e.ci95[0],
  high: e.ci95[1],
  reference,
});

/** A chart and the table of its numbers, so the figure can be read, searched and cited. */
function figure(
  id: string,
  caption: string,
  svg: string,
  rows: readonly IntervalRow[],
  ratio = false,
): string {
  const f = ratio ? (x: number) => x.toPrecision(3) : pct;
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.label)}</td><td>${f(r.estimate)}</td><td>[${f(r.low)}, ${f(r.high)}]</td></tr>`,
    )
    .join('');
  return `<figure class="chart" data-chart="${id}"><figcaption>${esc(caption)}</figcaption>${svg}
<table><thead><tr><th></th><th>estimate</th><th>95% interval</th></tr></thead><tbody>${body}</tbody></table></figure>`;
}

function chart(
  id: string,
  caption: string,
  axis: string,
  rows: readonly IntervalRow[],
  scale: 'percent' | 'ratio',
): string {
  const label = scale === 'percent' ? `${axis} (%)` : axis;
  return figure(
    id,
    caption,
    renderChart(intervalChart(rows, label, scale), caption),
    rows,
    scale === 'ratio',
  );
}

function runCharts(result: RunResult): string[] {
  const o = result.outcomes;
  const charts = [
    chart(
      'causes',
      'P(nuclear use) per crisis, in all and by cause, with 95% intervals',
      'P(nuclear use) per crisis',
      [
        row('nuclear use (any cause)', o.nuclearUse, true),
        ...CAUSES.map((c) => row(words(c), o.byCause[c])),
      ],
      'percent',
    ),
    chart(
      'first-use',
      'Which side used first',
      'P(first use) per crisis',
      result.scenario.actors.map((a) => row(a, o.firstUse[a])),
      'percent',
    ),
  ];
  for (const actor of result.scenario.actors)
    charts.push(
      chart(
        `ladder-${actor}`,
        `Highest rung ${actor} reached: the escalation ladder`,
        'share of crises',
        RUNGS.map((r) => row(words(r), o.highestRung[actor][r])),
        'percent',
      ),
    );
  return charts;
}

function compareCharts(result: ComparisonResult): string[] {
  const ratios = result.variants.filter((v) => v.riskRatio !== null);
  return [
    chart(
      'arms',
      'P(nuclear use) per crisis: the baseline and each variant, on common random numbers',
      'P(nuclear use) per crisis',
      [
        row('baseline', result.baseline.nuclearUse, true),
        ...result.variants.map((v) => row(v.name, v.nuclearUse)),
      ],
      'percent',
    ),
    chart(
      'risk-ratios',
      'Risk ratio against the baseline with paired 95% intervals (below 1: the variant cuts the risk)',
      'risk ratio (log scale)',
      ratios.map((v) => ({
        label: v.name,
        estimate: v.riskRatio?.estimate ?? 0,
        low: v.riskRatio?.ci95[0] ?? 0,
        high: v.riskRatio?.ci95[1] ?? 0,
      })),
      'ratio',
    ),
    ...CAUSES.map((c) =>
      chart(
        `cause-${c}`,
        `P(nuclear use) by ${words(c)}, per arm`,
        `P(${words(c)}) per crisis`,
        [
          row('baseline', result.baseline.byCause[c], true),
          ...result.variants.map((v) => row(v.name, v.byCause[c])),
        ],
        'percent',
      ),
    ),
  ];
}

/**
 * One self-contained HTML page for a run or comparison: the headline with its interval, the
 * charts (SVG drawn here), the scenario text, every option, version, hash, seed and the command
 * that reproduces it. No script, no external resource: it opens the same from a file or a mail.
 */
export function reportHtml(input: ReportInput): string {
  const r = input.result;
  const isRun = 'outcomes' in r;
  const p = isRun ? r.outcomes.nuclearUse : r.baseline.nuclearUse;
  const what = isRun ? 'P(nuclear use) per crisis' : 'P(nuclear use) per crisis, baseline';
  const charts = isRun ? runCharts(r) : compareCharts(r);
  const provenance: [string, string][] = [
    ['Petrov version', r.version],
    ['scenario hash', r.scenario.hash],
    ['seed', String(r.seed)],
    [isRun ? 'trials' : 'trials per arm', r.runs.toLocaleString('en-US')],
    ['stopped by', r.stoppedBy],
    ['sampling', r.method],
    ...Object.entries(input.options).map(([k, v]): [string, string] => [
      `option ${k}`,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="Petrov ${esc(r.version)}">
<title>${esc(r.scenario.name)} — Petrov ${isRun ? 'run' : 'comparison'}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(r.scenario.name)}</h1>
<p class="sub">Petrov ${esc(r.version)} · ${isRun ? 'run' : 'comparison on common random numbers'} · seed ${r.seed} · scenario ${esc(r.scenario.hash.slice(0, 12))}</p>
<p class="headline" data-testid="headline">${what}: <strong>${pct(p.p)}</strong> (95% CI ${pct(p.ci95[0])} to ${pct(p.ci95[1])}; std. error ${pct(p.stderr)}), from ${r.runs.toLocaleString('en-US')} simulated crises.</p>
<h2>Results</h2>
${charts.join('\n')}
<h2>Reproduce</h2>
<pre data-testid="command">${esc(input.command)}</pre>
<h2>Provenance and options</h2>
<table data-testid="provenance"><tbody>${provenance.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<h2>Scenario</h2>
<pre data-testid="scenario">${esc(input.scenarioText)}</pre>
</body></html>
`;
}
