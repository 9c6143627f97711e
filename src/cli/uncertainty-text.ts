import { STUDY_OUTCOMES, type Estimated, type UncertaintyResult } from '../index.ts';

/** Row names of the outcomes that are not causes of use. */
const STUDY_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  nuclearUse: 'P(nuclear use)',
  unansweredAttack: 'P(attack unanswered)',
  generalWar: 'P(general war)',
};
import { formatInteger, formatProbability } from './format.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const est = (e: Estimated, f = formatProbability) => `${f(e.estimate)} ± ${f(e.stderr)}`;
const shareOf = (x: number | null) => (x === null ? '–' : pct(x));

/** The human-readable report of `petrov uncertainty`. */
export function uncertaintyText(result: UncertaintyResult): string {
  const lines = [
    `Petrov ${result.version} — uncertainty: ${result.scenario.name}`,
    `${formatInteger(result.parameterSets)} parameter sets (low-discrepancy design) × ${formatInteger(result.repetitions)} trials each, seed ${result.seed}; ${result.parameters.length} uncertain parameters`,
    '',
    `  ${'outcome'.padEnd(24)}${'mean ± MC error'.padEnd(24)}${'median [95% CI]'.padEnd(28)}${'5% point [95% CI]'.padEnd(28)}${'95% point [95% CI]'.padEnd(28)}noise / parameters`,
  ];
  for (const o of STUDY_OUTCOMES) {
    const s = result.outcomes[o];
    const q = (x: { estimate: number; ci95: readonly [number, number] }) =>
      `${formatProbability(x.estimate)} [${formatProbability(x.ci95[0])}, ${formatProbability(x.ci95[1])}]`.padEnd(
        28,
      );
    const name = STUDY_OUTCOME_LABELS[o] ?? `  ${o.replaceAll('_', ' ')}`;
    lines.push(
      `  ${name.padEnd(24)}${est(s.mean).padEnd(24)}${q(s.median)}${q(s.p05)}${q(s.p95)}${shareOf(s.noiseShare)} / ${shareOf(s.parameterShare)}`,
    );
  }
  lines.push('');
  lines.push(
    'The band is of the per-set estimates, inner noise included; "noise" is the share of their variance that is inner sampling noise (more trials per set shrink it).',
  );
  if (result.safeguards.length > 0) {
    lines.push('');
    lines.push('Safeguards over the parameters (each on the same trials as its parameter set)');
    lines.push(
      `  ${'safeguard'.padEnd(28)}${'mean risk reduction'.padEnd(26)}${'P(lowers risk)'.padEnd(20)}${'P(best)'.padEnd(20)}noise share`,
    );
    for (const s of result.safeguards) {
      lines.push(
        `  ${s.name.padEnd(28)}${est(s.meanReduction).padEnd(26)}${est(s.lowersRisk, pct).padEnd(20)}${est(s.best, pct).padEnd(20)}${shareOf(s.noiseShare)}`,
      );
    }
    if (result.ranking) {
      lines.push('');
      lines.push(
        `Ranking ${result.ranking.order.join(' > ')} holds in ${est(result.ranking.holds, pct)} of parameter sets`,
      );
    }
  }
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
