import type { Difference, ParameterValue, TornadoResult } from '../index.ts';
import { formatEstimate, formatInteger, formatProbability } from './format.ts';

// Significant digits, not decimals: small swings are far below 0.01 points.
const points = (x: number) => `${x === 0 ? '0' : (100 * x).toPrecision(3)}`;
const interval = (d: Difference) =>
  `${d.estimate >= 0 ? '+' : ''}${points(d.estimate)} pts [${points(d.ci95[0])}, ${points(d.ci95[1])}]`;
const value = (v: ParameterValue) => (typeof v === 'number' ? v.toPrecision(3) : String(v));

/** The human-readable tornado of `petrov sensitivity`. */
export function tornadoText(result: TornadoResult): string {
  const outcome =
    result.outcome === 'nuclearUse' ? 'nuclear use' : result.outcome.replaceAll('_', ' ');
  const lines = [
    `Petrov ${result.version} — sensitivity: ${result.scenario.name}`,
    `Tornado of P(${outcome}): each uncertain parameter at its 5% and 95% points, the rest at baseline`,
    `${formatInteger(result.runs)} trials per arm, seed ${result.seed}, common random numbers (paired intervals)`,
    '',
    `  baseline  ${formatEstimate(result.baseline)}`,
    '',
  ];
  const width = Math.max(9, ...result.bars.map((b) => b.parameter.length)) + 2;
  lines.push(
    `  ${'parameter'.padEnd(width)}${'baseline'.padEnd(10)}${'at 5%'.padEnd(20)}${'at 95%'.padEnd(20)}swing 95% − 5% [paired 95% CI]`,
  );
  for (const bar of result.bars) {
    const end = (e: typeof bar.low) =>
      `${value(e.value)} → ${formatProbability(e.estimate.p)}`.padEnd(20);
    lines.push(
      `  ${bar.parameter.padEnd(width)}${value(bar.baseline).padEnd(10)}${end(bar.low)}${end(bar.high)}${interval(bar.swing)}`,
    );
  }
  lines.push('');
  lines.push('Change from the baseline at each end (paired 95% CI)');
  for (const bar of result.bars) {
    lines.push(
      `  ${bar.parameter.padEnd(width)}${'at 5%'.padEnd(7)}${interval(bar.low.change).padEnd(30)}at 95%  ${interval(bar.high.change)}`,
    );
  }
  lines.push('');
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
