import type { CalibrationResult, RecordCheckRow, WeightedSummary } from '../index.ts';
import { formatInteger, formatProbability } from './format.ts';
import { table } from './table.ts';

/** Rates and parameter values: four significant figures, integers as they are. */
const num = (x: number) =>
  Number.isInteger(x) ? formatInteger(x) : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(3);
const band = (s: WeightedSummary, f = num) => `${f(s.p50)} [${f(s.p05)}, ${f(s.p95)}]`;
const range = ([lo, hi]: readonly [number, number], f = num) => `[${f(lo)}, ${f(hi)}]`;

/** The scenario as written beside the record, stage by stage. */
export function recordCheckText(rows: readonly RecordCheckRow[]): string[] {
  return table(
    [
      { header: 'stage' },
      { header: 'simulated per trial ± error', align: 'right' },
      { header: 'record, 95% interval', align: 'right' },
      { header: 'inside' },
    ],
    rows.map((r) => [
      r.stage,
      `${num(r.simulated)} ± ${num(r.stderr)}`,
      range(r.observedRate),
      r.inside ? 'yes' : 'NO',
    ]),
  );
}

/** The human-readable report of `petrov calibrate`. */
export function calibrationText(
  result: CalibrationResult,
  check?: readonly RecordCheckRow[],
): string {
  const days = result.horizonDays;
  const per = days === 365.25 ? 'per year' : `per trial of ${num(days)} days`;
  const lines = [
    `Petrov ${result.version} — calibrate: ${result.scenario.name} against ${result.data.name}`,
    `${formatInteger(result.draws)} prior draws × ${formatInteger(result.repetitions)} trials each, seed ${result.seed}; effective draws ${result.effectiveDraws.toFixed(1)}`,
    `Method: ${result.method} (docs/calibration.md)`,
    '',
  ];
  if (check) {
    lines.push('The scenario as written beside the record');
    lines.push(...recordCheckText(check), '');
  }
  lines.push('Parameters: median [5%, 95%]');
  lines.push(
    ...table(
      [{ header: 'parameter' }, { header: 'prior' }, { header: 'posterior' }],
      result.parameters.map((p) => [
        p.name,
        p.prior ? band(p.prior) : 'not numeric',
        p.posterior ? band(p.posterior) : 'not numeric',
      ]),
    ),
    '',
  );
  lines.push('Posterior predictive checks: the observed count against its predictive 90% interval');
  lines.push(
    ...table(
      [
        { header: 'stage' },
        { header: 'observed', align: 'right' },
        { header: 'exposure (trials)', align: 'right' },
        { header: 'predicted mean', align: 'right' },
        { header: '90% interval', align: 'right' },
        { header: 'p', align: 'right' },
      ],
      result.stages.map((s) => [
        s.stage,
        formatInteger(s.observed),
        num(s.exposure),
        num(s.check.mean),
        range(s.check.interval90),
        s.check.pValue.toFixed(2),
      ]),
    ),
    '',
  );
  const use = result.nuclearUse;
  const pr = (s: WeightedSummary) =>
    `${formatProbability(s.mean)} ± ${formatProbability(s.stderr)}, median ${band(s, formatProbability)}`;
  lines.push(`P(nuclear use) ${per}, mean ± error, median [5%, 95%] over the draws`);
  lines.push(`  prior       ${pr(use.prior)}`);
  lines.push(`  posterior   ${pr(use.posterior)}`);
  if (result.perYear) {
    lines.push('P(nuclear use) per year, 1 − exp(−crises per year × P(use per crisis))');
    lines.push(`  prior       ${pr(result.perYear.prior)}`);
    lines.push(`  posterior   ${pr(result.perYear.posterior)}`);
  }
  if (result.noiseShare !== null) {
    lines.push(
      `  (${(100 * result.noiseShare).toFixed(0)}% of the posterior spread is inner sampling noise: more --repetitions narrow the band)`,
    );
  }
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
