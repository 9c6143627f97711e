import { COUNT_DESCRIPTIONS, COUNT_NAMES, type RunResult, CAUSES, RUNGS } from '../index.ts';
import {
  estimateValues,
  estimateWithError,
  formatInteger,
  formatMean,
  probabilityFormat,
} from './format.ts';
import { methodLines } from './method-flags.ts';
import { probabilityTable } from './probability-table.ts';
import { table } from './table.ts';

const label = (s: string) => s.replaceAll('_', ' ');

/** The human-readable report of `petrov run`. */
export function runText(result: RunResult, file: string): string {
  const o = result.outcomes;
  const s = result.scenario;
  const lines: string[] = [];
  const stop =
    result.stoppedBy === 'target'
      ? `stopped at target relative error ${result.targetRelError}`
      : result.stoppedBy === 'maxRuns'
        ? `target relative error ${result.targetRelError} not reached: capped by --max-runs`
        : result.stoppedBy === 'aborted'
          ? 'aborted'
          : 'all requested trials run';
  lines.push(`Petrov ${result.version} — ${s.name}`);
  lines.push(
    `${formatInteger(result.runs)} trials of ${s.horizonDays} days, seed ${result.seed} (${stop}); scenario ${s.hash.slice(0, 12)}`,
  );
  lines.push(...methodLines(result.method, result.methodReason, result.importance));
  lines.push('');
  const interval = result.method === 'importance' ? 'normal' : 'Wilson';
  lines.push(
    ...probabilityTable('Probability per crisis', interval, [
      ['  nuclear use (any cause)', o.nuclearUse],
      ...CAUSES.map((c) => [`    ${label(c)}`, o.byCause[c]] as const),
      ...s.actors.map((a) => [`    first use by ${a}`, o.firstUse[a]] as const),
    ]),
  );
  if (o.daysToUse) lines.push(`  days to first use (if any): ${formatMean(o.daysToUse)}`);
  lines.push('');
  const after: [string, NonNullable<typeof o.generalWar>][] = [];
  if (o.generalWar) after.push(['  general nuclear war', o.generalWar]);
  if (o.retaliation) after.push(['  retaliation after first use', o.retaliation]);
  if (o.unansweredAttack) after.push(['  genuine attack unanswered', o.unansweredAttack]);
  // Only where the scenario declares one (elsewhere P(strike) is 0 by construction).
  if (o.disarmingStrike && o.disarmingStrike.p > 0) {
    after.push(['  declared disarming strike launched', o.disarmingStrike]);
    if (o.retaliationAfterStrike)
      after.push(['  target retaliated (given a strike)', o.retaliationAfterStrike]);
  }
  lines.push(
    ...probabilityTable('By root, after a first use, and the other side of the dilemma', interval, [
      ...CAUSES.map((c) => [`  root: ${label(c)}`, o.byRootCause[c]] as const),
      ...after,
    ]),
  );
  if (o.daysFromUseToGeneralWar)
    lines.push(`  days from use to general war: ${formatMean(o.daysFromUseToGeneralWar)}`);
  if (!o.unansweredAttack)
    lines.push(
      '  (after a first use and unanswered attacks: not estimated, importance-sampled trials end at the first use)',
    );

  lines.push('');
  lines.push(`Highest rung reached, P ± std. error`);
  const rungValues = s.actors.flatMap((a) =>
    RUNGS.flatMap((r) => estimateValues(o.highestRung[a][r])),
  );
  const f = probabilityFormat(rungValues);
  lines.push(
    ...table(
      [{ header: '' }, ...s.actors.map((a) => ({ header: a, align: 'right' as const }))],
      RUNGS.map((rung) => [
        label(rung),
        ...s.actors.map((a) => estimateWithError(o.highestRung[a][rung], f)),
      ]),
    ),
  );

  lines.push('');
  lines.push('Per crisis, mean ± std. error');
  lines.push(
    ...table(
      [{ header: '' }, { header: '', align: 'right' }],
      COUNT_NAMES.map((name) => [COUNT_DESCRIPTIONS[name], formatMean(o.counts[name])]),
    ).slice(1),
  );

  if (result.examples.length > 0) {
    lines.push('');
    lines.push(`Trials that ended in nuclear use — replay one with:`);
    lines.push(`  petrov trace ${file} --seed ${result.seed} --trial ${result.examples[0].trial}`);
    for (const e of result.examples) {
      lines.push(
        `  trial ${String(e.trial).padEnd(8)} day ${e.day.toFixed(2).padStart(6)}  ${e.actor}: ${e.origin}`,
      );
    }
  }
  lines.push('');
  lines.push(
    `${result.timing.seconds.toFixed(1)} s, ${formatInteger(Math.round(result.timing.trialsPerSecond))} trials/s`,
  );
  return `${lines.join('\n')}\n`;
}
