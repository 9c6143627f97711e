import { CAUSES, type ComparisonResult } from '../index.ts';
import { estimateValues, estimateWithError, formatInteger, probabilityFormat } from './format.ts';
import { methodLines } from './method-flags.ts';
import { probabilityTable } from './probability-table.ts';
import { table } from './table.ts';

const ratio = (x: number) => x.toPrecision(3);
// Significant digits, not decimals: rare-event differences are far below 0.01 points.
const points = (x: number) => (x === 0 ? '0' : (100 * x).toPrecision(3));

/** The human-readable report of `petrov compare`. */
export function compareText(result: ComparisonResult, file: string): string {
  const lines: string[] = [];
  lines.push(`Petrov ${result.version} — compare: ${result.scenario.name}`);
  // Where a --target-rel-error comparison stopped, as `petrov run` says it.
  const stop =
    result.stoppedBy === 'target'
      ? ' (stopped once every risk ratio reached the target relative error)'
      : result.stoppedBy === 'maxRuns'
        ? ' (target relative error of the risk ratios not reached: capped by --max-runs)'
        : result.stoppedBy === 'aborted'
          ? ' (aborted)'
          : '';
  lines.push(
    `${formatInteger(result.runs)} trials per variant${stop}, seed ${result.seed}, common random numbers (trial i of every variant draws the same streams)`,
  );
  lines.push(...methodLines(result.method, result.methodReason, result.importance));
  lines.push('');
  const interval = result.method === 'importance' ? 'normal' : 'Wilson';
  lines.push(
    ...probabilityTable('P(nuclear use) per crisis', interval, [
      ['  baseline', result.baseline.nuclearUse],
      ...result.variants.map((v) => [`  ${v.name}`, v.nuclearUse] as const),
    ]),
  );

  lines.push('');
  lines.push('Effect against the baseline (paired; sorted by absolute risk reduction)');
  lines.push(
    ...table(
      [
        { header: 'variant' },
        { header: 'risk ratio [95% CI]' },
        { header: 'risk reduction, pts [95% CI]' },
        { header: 'std. error, pts: paired / independent' },
      ],
      result.variants.map((v) => {
        const rr = v.riskRatio
          ? `${ratio(v.riskRatio.estimate)} [${ratio(v.riskRatio.ci95[0])}, ${ratio(v.riskRatio.ci95[1])}]`
          : 'n/a (no baseline use)';
        const arr = v.absoluteRiskReduction;
        return [
          v.name,
          rr,
          `${points(arr.estimate)} [${points(arr.ci95[0])}, ${points(arr.ci95[1])}]`,
          `${points(arr.stderr)} / ${points(v.independentStderr)}`,
        ];
      }),
    ),
  );

  const ledger = result.variants.filter((v) => v.unansweredChange && v.unansweredAttack);
  const base = result.baseline.unansweredAttack;
  if (ledger.length > 0 && base) {
    lines.push('');
    lines.push(
      'The other side of the dilemma: P(a genuine attack met no response before impact), paired',
    );
    const f = probabilityFormat(
      [base, ...ledger.map((v) => v.unansweredAttack)].flatMap((e) => (e ? estimateValues(e) : [])),
    );
    lines.push(
      ...table(
        [
          { header: 'variant' },
          { header: 'P(unanswered) ± s.e.', align: 'right' as const },
          { header: 'change, pts [95% CI] (positive: more left unanswered)' },
        ],
        [
          ['baseline', estimateWithError(base, f), ''],
          ...ledger.map((v) => {
            const c = (v.unansweredChange as NonNullable<typeof v.unansweredChange>)
              .absoluteRiskReduction;
            return [
              v.name,
              estimateWithError(v.unansweredAttack as NonNullable<typeof v.unansweredAttack>, f),
              `${points(-c.estimate)} [${points(-c.ci95[1])}, ${points(-c.ci95[0])}]`,
            ];
          }),
        ],
      ),
    );
  }

  lines.push('');
  lines.push('P(nuclear use) by cause, estimate ± std. error');
  const arms = [result.baseline, ...result.variants];
  const f = probabilityFormat(
    arms.flatMap((arm) => CAUSES.flatMap((c) => estimateValues(arm.byCause[c]))),
  );
  lines.push(
    ...table(
      [
        { header: '' },
        ...CAUSES.map((c) => ({ header: c.replaceAll('_', ' '), align: 'right' as const })),
      ],
      arms.map((arm) => [arm.name, ...CAUSES.map((c) => estimateWithError(arm.byCause[c], f))]),
    ),
  );
  lines.push('');
  const whatIfs = result.variants.some((v) => v.safeguards.length === 0);
  lines.push(
    `Risk reduction is p(baseline) − p(variant) in percentage points (pts). Replay a variant's trial with: petrov trace ${file} --safeguard NAME --trial I${whatIfs ? ' (a what-if: its --set options instead of --safeguard)' : ''}`,
  );
  lines.push(`${result.timing.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
