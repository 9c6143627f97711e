import {
  isRatioTornado,
  type SensitivityTornado,
  type SobolResult,
  type UncertaintyResult,
} from '../analysis/index.ts';
import {
  bandChart,
  bandRows,
  sobolChart,
  sobolRows,
  tornadoChart,
  tornadoRows,
} from '../charts/index.ts';
import type { DataTable } from './data-table.ts';
import { renderChart } from './render-chart.ts';
import { esc, REPORT_STYLE } from './report-parts.ts';
import { sensitivityTable, uncertaintyTable } from './study-tables.ts';

/** A sensitivity or uncertainty study with where it came from and how to get it again. */
export interface StudyReportInput {
  readonly study:
    | {
        readonly kind: 'sensitivity';
        readonly tornado: SensitivityTornado;
        readonly sobol: SobolResult | null;
      }
    | { readonly kind: 'uncertainty'; readonly result: UncertaintyResult };
  /** The scenario file's text as it was studied. */
  readonly scenarioText: string;
  /** The command line that reproduces the study. */
  readonly command: string;
}

/** The study's tidy rows (the CSV's) as an HTML table, so every charted number can be read. */
function htmlTable(table: DataTable, rows: (r: readonly unknown[]) => boolean): string {
  const head = table.columns.map((c) => `<th>${esc(c.name)}</th>`).join('');
  const body = table.rows
    .filter(rows)
    .map((r) => `<tr>${r.map((c) => `<td>${c === null ? '' : esc(String(c))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(id: string, caption: string, svg: string, table: string): string {
  return `<figure class="chart" data-chart="${id}"><figcaption>${esc(caption)}</figcaption>${svg}\n${table}</figure>`;
}

const words = (s: string) => (s === 'nuclearUse' ? 'nuclear use' : s.replaceAll('_', ' '));

function sensitivityFigures(tornado: SensitivityTornado, sobol: SobolResult | null): string[] {
  const table = sensitivityTable(tornado, sobol);
  const outcome = words(tornado.outcome);
  const ratio = isRatioTornado(tornado);
  const measure = ratio
    ? `the risk ratio of ${tornado.safeguard} on P(${outcome})`
    : `P(${outcome})`;
  const tornadoCaption = `Tornado of ${measure}: change from the baseline with each parameter at its 5% point (blue, upper) and 95% point (orange, lower), paired 95% intervals, widest swing first`;
  const axis = ratio
    ? `change in the risk ratio of ${tornado.safeguard}`
    : `change in P(${outcome}) (percentage points)`;
  const figures = [
    figure(
      'tornado',
      tornadoCaption,
      renderChart(tornadoChart(tornadoRows(tornado), axis, !ratio), tornadoCaption),
      htmlTable(table, (r) => String(r[0]).startsWith('tornado')),
    ),
  ];
  if (sobol !== null) {
    const of = sobol.ratio
      ? `the risk ratio of ${sobol.ratio.safeguard} on P(${words(sobol.outcome)})`
      : `P(${words(sobol.outcome)})`;
    const caption = `Sobol indices of ${of}: first order (blue, upper) and total order (orange, lower) with bootstrap ${Math.round(100 * sobol.level)}% intervals; ${sobol.basePoints} parameter sets × ${sobol.repetitions} trials, inner noise removed`;
    figures.push(
      figure(
        'sobol',
        caption,
        renderChart(sobolChart(sobolRows(sobol)), caption),
        htmlTable(table, (r) => String(r[0]).startsWith('sobol')),
      ),
    );
  }
  const warnings = [
    ...(isRatioTornado(tornado) ? tornado.warnings : []),
    ...(sobol?.warnings ?? []),
  ];
  if (warnings.length > 0) {
    const items = warnings.map((w) => `<li>${esc(w)}</li>`).join('');
    figures.push(`<section class="warnings"><h3>Warnings</h3><ul>${items}</ul></section>`);
  }
  return figures;
}

function uncertaintyFigures(result: UncertaintyResult): string[] {
  const caption = `Over the uncertain parameters (${result.parameterSets} sets × ${result.repetitions} trials): 5–95% band (thick), out to those points' 95% intervals (thin), median with its interval (dot)`;
  return [
    figure(
      'band',
      caption,
      renderChart(bandChart(bandRows(result, words), 'P per crisis (%)'), caption),
      htmlTable(uncertaintyTable(result), () => true),
    ),
  ];
}

/**
 * One self-contained HTML page for a sensitivity or uncertainty study: its charts (SVG drawn here,
 * from the specs the web app draws), the numbers of each as a table, the scenario text, version,
 * hash, seed and the command that reproduces it. No script, no external resource.
 */
export function studyReportHtml(input: StudyReportInput): string {
  const { study } = input;
  const first = study.kind === 'sensitivity' ? study.tornado : study.result;
  const figures =
    study.kind === 'sensitivity'
      ? sensitivityFigures(study.tornado, study.sobol)
      : uncertaintyFigures(study.result);
  const title = study.kind === 'sensitivity' ? 'sensitivity' : 'parameter uncertainty';
  const trials =
    study.kind === 'sensitivity'
      ? study.tornado.runs *
          (1 + 2 * study.tornado.bars.length) *
          (isRatioTornado(study.tornado) ? 2 : 1) +
        (study.sobol?.runs ?? 0)
      : study.result.runs;
  const provenance: [string, string][] = [
    ['Petrov version', first.version],
    ['scenario hash', first.scenario.hash],
    ['seed', String(first.seed)],
    ['trials in all', trials.toLocaleString('en-US')],
    ['distributions', JSON.stringify(first.uncertainty)],
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="Petrov ${esc(first.version)}">
<title>${esc(first.scenario.name)} — Petrov ${title}</title><style>${REPORT_STYLE}</style></head>
<body>
<h1>${esc(first.scenario.name)}</h1>
<p class="sub">Petrov ${esc(first.version)} · ${title} · seed ${first.seed} · scenario ${esc(first.scenario.hash.slice(0, 12))}</p>
<h2>Results</h2>
${figures.join('\n')}
<h2>Reproduce</h2>
<pre data-testid="command">${esc(input.command)}</pre>
<h2>Provenance</h2>
<table data-testid="provenance"><tbody>${provenance.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<h2>Scenario</h2>
<pre data-testid="scenario">${esc(input.scenarioText)}</pre>
</body></html>
`;
}
