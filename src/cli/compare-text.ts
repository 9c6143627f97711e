import { CAUSES, type ComparisonResult, type ProportionEstimate } from '../index.ts';
import { formatEstimate, formatInteger, formatProbability } from './format.ts';
import { methodLines } from './method-flags.ts';

const ratio = (x: number) => x.toPrecision(3);
// Significant digits, not decimals: rare-event differences are far below 0.01 points.
const points = (x: number) => `${x === 0 ? '0' : (100 * x).toPrecision(3)} pts`;

/** The human-readable report of `petrov compare`. */
export function compareText(result: ComparisonResult, file: string): string {
  const lines: string[] = [];
  lines.push(`Petrov ${result.version} — compare: ${result.scenario.name}`);
  lines.push(
    `${formatInteger(result.runs)} trials per variant, seed ${result.seed}, common random numbers (trial i of every variant draws the same streams)`,
  );
  lines.push(...methodLines(result.method, result.methodReason, result.importance));
  lines.push('');
  const interval = result.method === 'importance' ? 'normal' : 'Wilson';
  lines.push(
    `${'P(nuclear use) per crisis'.padEnd(34)}estimate ± std. error  95% interval (${interval})`,
  );
  lines.push(`${'  baseline'.padEnd(34)}${formatEstimate(result.baseline.nuclearUse)}`);
  for (const v of result.variants)
    lines.push(`${`  ${v.name}`.padEnd(34)}${formatEstimate(v.nuclearUse)}`);

  lines.push('');
  lines.push('Effect against the baseline (paired; sorted by absolute risk reduction)');
  lines.push(
    `  ${'variant'.padEnd(32)}${'risk ratio [95% CI]'.padEnd(28)}${'risk reduction [95% CI]'.padEnd(36)}paired / independent s.e.`,
  );
  for (const v of result.variants) {
    const rr = v.riskRatio
      ? `${ratio(v.riskRatio.estimate)} [${ratio(v.riskRatio.ci95[0])}, ${ratio(v.riskRatio.ci95[1])}]`
      : 'n/a (no baseline use)';
    const arr = v.absoluteRiskReduction;
    const reduction = `${points(arr.estimate)} [${points(arr.ci95[0])}, ${points(arr.ci95[1])}]`;
    const se = `${points(arr.stderr)} / ${points(v.independentStderr)}`;
    lines.push(`  ${v.name.padEnd(32)}${rr.padEnd(28)}${reduction.padEnd(36)}${se}`);
  }

  if (result.variants.some((v) => v.unansweredChange)) {
    lines.push('');
    lines.push(
      'The other side of the dilemma: P(a genuine attack met no response before impact), paired',
    );
    lines.push(
      `  ${'variant'.padEnd(32)}${'P(unanswered)'.padEnd(58)}change against the baseline [95% CI]`,
    );
    const base = result.baseline.unansweredAttack;
    if (base) lines.push(`  ${'baseline'.padEnd(32)}${formatEstimate(base)}`);
    for (const v of result.variants) {
      if (!v.unansweredChange || !v.unansweredAttack) continue;
      // Positive when the variant leaves more attacks unanswered: the cost of the safeguard.
      const c = v.unansweredChange.absoluteRiskReduction;
      const change = `${points(-c.estimate)} [${points(-c.ci95[1])}, ${points(-c.ci95[0])}]`;
      lines.push(`  ${v.name.padEnd(32)}${formatEstimate(v.unansweredAttack).padEnd(58)}${change}`);
    }
  }

  lines.push('');
  lines.push('P(nuclear use) by cause, estimate ± std. error');
  const cell = (e: ProportionEstimate) =>
    `${formatProbability(e.p)} ± ${formatProbability(e.stderr)}`.padStart(22);
  lines.push(
    `  ${''.padEnd(32)}${CAUSES.map((c) => c.replaceAll('_', ' ').padStart(22)).join('')}`,
  );
  for (const arm of [result.baseline, ...result.variants]) {
    lines.push(`  ${arm.name.padEnd(32)}${CAUSES.map((c) => cell(arm.byCause[c])).join('')}`);
  }
  lines.push('');
  lines.push(
    `Risk reduction is p(baseline) − p(variant) in percentage points. Replay a variant's trial with: petrov trace ${file} --safeguard NAME --trial I`,
  );
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
