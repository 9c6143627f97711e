import { COUNT_DESCRIPTIONS, COUNT_NAMES, type RunResult, CAUSES, RUNGS } from '../index.ts';
import { formatEstimate, formatInteger, formatMean, formatProbability } from './format.ts';
import { methodLines } from './method-flags.ts';

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
    `${'Probability per crisis'.padEnd(30)}estimate ± std. error  95% interval (${interval})`,
  );
  lines.push(`  nuclear use (any cause)       ${formatEstimate(o.nuclearUse)}`);
  for (const cause of CAUSES)
    lines.push(`    ${label(cause).padEnd(26)}${formatEstimate(o.byCause[cause])}`);
  lines.push('  by root (the chain that put the user on the rung it acted from)');
  for (const cause of CAUSES)
    lines.push(`    ${label(cause).padEnd(26)}${formatEstimate(o.byRootCause[cause])}`);
  lines.push('  first use by');
  for (const actor of s.actors)
    lines.push(`    ${actor.padEnd(26)}${formatEstimate(o.firstUse[actor])}`);
  if (o.daysToUse) lines.push(`  days to first use (if any)    ${formatMean(o.daysToUse)}`);
  if (o.generalWar && o.retaliation) {
    lines.push(`  general nuclear war           ${formatEstimate(o.generalWar)}`);
    lines.push(`  retaliation after first use   ${formatEstimate(o.retaliation)}`);
    if (o.daysFromUseToGeneralWar)
      lines.push(`  days from use to general war  ${formatMean(o.daysFromUseToGeneralWar)}`);
  }
  lines.push('');
  lines.push('The other side of the dilemma');
  lines.push(
    o.unansweredAttack
      ? `  genuine attack unanswered     ${formatEstimate(o.unansweredAttack)}`
      : '  genuine attack unanswered     not estimated (importance-sampled trials end at the first use)',
  );

  lines.push('');
  lines.push(`Highest rung reached, P ± std. error`);
  lines.push(`  ${''.padEnd(24)}${s.actors.map((a) => a.padStart(22)).join('')}`);
  for (const rung of RUNGS) {
    const cells = s.actors.map((a) => {
      const e = o.highestRung[a][rung];
      return `${formatProbability(e.p)} ± ${formatProbability(e.stderr)}`.padStart(22);
    });
    lines.push(`  ${label(rung).padEnd(24)}${cells.join('')}`);
  }

  lines.push('');
  lines.push('Per crisis, mean ± std. error');
  for (const name of COUNT_NAMES) {
    lines.push(`  ${COUNT_DESCRIPTIONS[name].padEnd(66)}${formatMean(o.counts[name])}`);
  }

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
