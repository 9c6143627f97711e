import {
  CALL_OUTCOMES,
  ESCALATION_SCORING,
  type FailureReport,
  type LlmEpisodesResult,
  type PolicyEstimate,
  type PolicyRunResult,
  type ProportionEstimate,
} from '../index.ts';
import { formatMean, probabilityFormat } from './format.ts';

const interval = (f: (x: number) => string, ci: readonly [number, number]) =>
  `[${f(ci[0])}, ${f(ci[1])}]`;

/** Calls by outcome, with the failure rate and its interval: what every result prints. */
export function failureLines(r: FailureReport): string[] {
  const f = probabilityFormat([r.failureRate.ci95[1]]);
  const failed = CALL_OUTCOMES.filter((k) => k !== 'ok' && r.callsByOutcome[k] > 0)
    .map((k) => `${k} ${r.callsByOutcome[k]}`)
    .join(', ');
  return [
    `Calls: ${r.calls} (${r.attempts} attempts, ${r.retries} retries); failed after retries: ${r.failedCalls}${failed ? ` (${failed})` : ''}`,
    `Failure rate: ${f(r.failureRate.p)} ${interval(f, r.failureRate.ci95)}`,
  ];
}

function estimateLine(label: string, e: PolicyEstimate, f: (x: number) => string): string {
  return `${label}: ${f(e.p)}, 95% ${interval(f, e.ci95)} (Monte Carlo alone ${interval(f, e.monteCarlo)}; elicitation sd ${f(e.elicitationStderr)})`;
}

const bound = (e: ProportionEstimate, f: (x: number) => string) =>
  `${f(e.p)} ${interval(f, e.ci95)}`;

export function policyText(r: PolicyRunResult, model: string): string {
  const f = probabilityFormat([r.nuclearUse.ci95[1], r.failureBounds.escalation.ci95[1]]);
  const lines = [
    `${r.actor} played by ${model} in policy mode: ${r.runs} trials, seed ${r.seed}`,
    `Situations met: ${r.situations}, each asked ${r.replicates} times`,
    ...failureLines(r.calls),
    estimateLine('P(nuclear use)', r.nuclearUse, f),
    `Failed calls imputed as restraint: ${bound(r.failureBounds.restraint, f)}; as escalation: ${bound(r.failureBounds.escalation, f)}`,
    `Escalation score per day (${ESCALATION_SCORING.version}): ${formatMean(r.escalationPerDay)}`,
  ];
  const v = r.comparison?.variants[0];
  if (v && r.riskReduction) {
    const g = probabilityFormat([
      Math.abs(r.riskReduction.ci95[0]),
      Math.abs(r.riskReduction.ci95[1]),
    ]);
    lines.push(`With ${v.name}: P(nuclear use) ${bound(v.nuclearUse, f)}`);
    lines.push(estimateLine(`Risk reduction (paired)`, r.riskReduction, g));
  }
  return `${lines.join('\n')}\n`;
}

export function episodesText(r: LlmEpisodesResult, model: string): string {
  const f = probabilityFormat([r.bounds.upper.ci95[1]]);
  const lines = [
    `${r.actor} played by ${model} in episode mode: ${r.trials} trial(s), seed ${r.seed}`,
  ];
  for (const e of r.episodes) {
    lines.push(
      '',
      `Trial ${e.recording.trial}: ${e.outcome.nuclearUse ? `NUCLEAR USE at minute ${e.outcome.minute.toFixed(0)}` : 'no nuclear use'}`,
    );
    for (const d of e.recording.decisions) {
      if (d.actor !== r.actor) continue;
      lines.push(
        `  minute ${d.minute.toFixed(1).padStart(8)}  ${d.point.padEnd(6)} ${d.choice.padEnd(10)} ${d.reason}`,
      );
    }
  }
  lines.push(
    '',
    ...failureLines(r.failures),
    `P(nuclear use): ${bound(r.nuclearUse, f)}; with failed calls imputed both ways, between ${bound(r.bounds.lower, f)} and ${bound(r.bounds.upper, f)}`,
  );
  return `${lines.join('\n')}\n`;
}
