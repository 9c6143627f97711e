import type {
  Difference,
  ParameterValue,
  RatioEstimate,
  RatioTornadoResult,
  SobolResult,
  TornadoResult,
} from '../index.ts';
import {
  estimateValues,
  estimateWithError,
  formatInteger,
  formatProbability,
  probabilityFormat,
} from './format.ts';

// Significant digits, not decimals: small swings are far below 0.01 points.
const points = (x: number) => `${x === 0 ? '0' : (100 * x).toPrecision(3)}`;
const interval = (d: Difference) =>
  `${d.estimate >= 0 ? '+' : ''}${points(d.estimate)} pts [${points(d.ci95[0])}, ${points(d.ci95[1])}]`;
const value = (v: ParameterValue) => (typeof v === 'number' ? v.toPrecision(3) : String(v));

/** A tornado bar with its figures formatted: each end's value and output, the changes, the swing. */
interface BarRow {
  readonly parameter: string;
  readonly baseline: ParameterValue;
  readonly low: { readonly value: ParameterValue; readonly output: string };
  readonly high: { readonly value: ParameterValue; readonly output: string };
  readonly lowChange: string;
  readonly highChange: string;
  readonly swing: string;
}

/** The bars of a tornado as text: ends and swing, then under `changeTitle` the change at each end. */
function barLines(rows: readonly BarRow[], changeTitle: string): string[] {
  const width = Math.max(9, ...rows.map((b) => b.parameter.length)) + 2;
  const end = (e: BarRow['low']) => `${value(e.value)} → ${e.output}`.padEnd(20);
  return [
    `  ${'parameter'.padEnd(width)}${'baseline'.padEnd(10)}${'at 5%'.padEnd(20)}${'at 95%'.padEnd(20)}swing 95% − 5% [paired 95% CI]`,
    ...rows.map(
      (b) =>
        `  ${b.parameter.padEnd(width)}${value(b.baseline).padEnd(10)}${end(b.low)}${end(b.high)}${b.swing}`,
    ),
    '',
    changeTitle,
    ...rows.map(
      (b) =>
        `  ${b.parameter.padEnd(width)}${'at 5%'.padEnd(7)}${b.lowChange.padEnd(30)}at 95%  ${b.highChange}`,
    ),
  ];
}

/** The human-readable tornado of `petrov sensitivity`. */
export function tornadoText(result: TornadoResult): string {
  const outcome =
    result.outcome === 'nuclearUse' ? 'nuclear use' : result.outcome.replaceAll('_', ' ');
  const lines = [
    `Petrov ${result.version} — sensitivity: ${result.scenario.name}`,
    `Tornado of P(${outcome}): each uncertain parameter at its 5% and 95% points, the rest at baseline`,
    `${formatInteger(result.runs)} trials per arm, seed ${result.seed}, common random numbers (paired intervals)`,
    '',
    `  baseline  ${estimateWithError(result.baseline, probabilityFormat(estimateValues(result.baseline)))} 95% CI [${formatProbability(result.baseline.ci95[0])}, ${formatProbability(result.baseline.ci95[1])}]`,
    '',
  ];
  const rows = result.bars.map((b) => ({
    parameter: b.parameter,
    baseline: b.baseline,
    low: { value: b.low.value, output: formatProbability(b.low.estimate.p) },
    high: { value: b.high.value, output: formatProbability(b.high.estimate.p) },
    lowChange: interval(b.low.change),
    highChange: interval(b.high.change),
    swing: interval(b.swing),
  }));
  lines.push(...barLines(rows, 'Change from the baseline at each end (paired 95% CI)'), '');
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

const ratioValue = (x: number) => x.toPrecision(3);
const ratioInterval = (d: Difference | null) =>
  d === null
    ? 'undefined'
    : `${d.estimate >= 0 ? '+' : ''}${ratioValue(d.estimate)} [${ratioValue(d.ci95[0])}, ${ratioValue(d.ci95[1])}]`;
const ratioAt = (e: RatioEstimate | null) =>
  e === null
    ? 'undefined'
    : `${ratioValue(e.estimate)} [${ratioValue(e.ci95[0])}, ${ratioValue(e.ci95[1])}]`;
const warningLines = (warnings: readonly string[]) => warnings.map((w) => `warning: ${w}`);

/** The human-readable tornado of `petrov sensitivity --ratio SAFEGUARD`. */
export function ratioTornadoText(result: RatioTornadoResult): string {
  const outcome =
    result.outcome === 'nuclearUse' ? 'nuclear use' : result.outcome.replaceAll('_', ' ');
  const lines = [
    `Petrov ${result.version} — sensitivity: ${result.scenario.name}`,
    `Tornado of the risk ratio P(${outcome} | ${result.safeguard}) / P(${outcome}): each uncertain parameter at its 5% and 95% points, the rest at baseline`,
    `${formatInteger(result.runs)} trials per arm (with and without the safeguard), seed ${result.seed}, common random numbers (paired intervals)`,
    '',
    `  baseline ratio  ${ratioAt(result.baseline)} (95% CI)`,
    '',
  ];
  const ratio = (e: RatioEstimate | null) => (e === null ? 'undefined' : ratioValue(e.estimate));
  const rows = result.bars.map((b) => ({
    parameter: b.parameter,
    baseline: b.baseline,
    low: { value: b.low.value, output: ratio(b.low.ratio) },
    high: { value: b.high.value, output: ratio(b.high.ratio) },
    lowChange: ratioInterval(b.low.change),
    highChange: ratioInterval(b.high.change),
    swing: ratioInterval(b.swing),
  }));
  lines.push(...barLines(rows, "Change from the baseline's ratio at each end (paired 95% CI)"), '');
  lines.push(
    'A ratio below 1 means the safeguard cuts the risk; a negative change means it cuts more there.',
  );
  lines.push(...warningLines(result.warnings));
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

const share = (x: number) => x.toFixed(3).padStart(6);

/** The human-readable Sobol indices of `petrov sensitivity --sobol`. */
export function sobolText(result: SobolResult): string {
  const outcome =
    result.outcome === 'nuclearUse' ? 'nuclear use' : result.outcome.replaceAll('_', ' ');
  const pct = `${Math.round(100 * result.level)}%`;
  const r = result.ratio;
  const of = r ? `the risk ratio P(${outcome} | ${r.safeguard}) / P(${outcome})` : `P(${outcome})`;
  const fmt = r ? ratioValue : formatProbability;
  const lines = [
    `Sobol indices of ${of} over the uncertain parameters`,
    `${formatInteger(result.basePoints)} base points × ${formatInteger(result.repetitions)} trials per parameter set (${formatInteger(result.runs)} trials), seed ${result.seed}; bootstrap ${pct} intervals`,
    `mean ${r ? 'ratio' : 'P'} ${fmt(result.mean)}; spread over the parameters sd ${fmt(Math.sqrt(Math.max(0, result.variance.estimate)))}; inner noise of one parameter set sd ${fmt(Math.sqrt(result.noiseVariance))} (removed)`,
  ];
  if (r) {
    lines.push(
      `each parameter set run with and without the safeguard on the same trials; ${r.excludedBasePoints} base points left out (ratio undefined); median ${r.medianBaselineHits} uses per set at baseline`,
    );
  }
  lines.push('');
  const width = Math.max(9, ...result.indices.map((i) => i.parameter.length)) + 2;
  lines.push(`  ${'parameter'.padEnd(width)}${'first order [CI]'.padEnd(28)}total order [CI]`);
  for (const i of result.indices) {
    const cell = (e: { estimate: number; ci: readonly [number, number] }) =>
      `${share(e.estimate)} [${share(e.ci[0])}, ${share(e.ci[1])}]`;
    lines.push(`  ${i.parameter.padEnd(width)}${cell(i.first).padEnd(28)}${cell(i.total)}`);
  }
  lines.push('');
  lines.push(
    `First order: the share of the variance of ${r ? 'the ratio' : 'P'} a parameter explains alone; total: with its interactions. Estimates can stray below 0 by noise.`,
  );
  lines.push(...warningLines(result.warnings));
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
