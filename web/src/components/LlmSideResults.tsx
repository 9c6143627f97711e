import type { LlmSideReport } from '../api/types.ts';
import { integer, number, percent, percentWithInterval, words } from '../format/number.ts';

interface Props {
  readonly report: LlmSideReport;
}

const interval = (ci: readonly [number, number]) => ({ low: ci[0], high: ci[1] });

/**
 * What a language model in a side's chair did (docs/llm-agents.md): its calls and how each ended,
 * the situations it was asked about, P(use) with the elicitation's own uncertainty, and the
 * bounds with every failed call imputed as the least and the most escalatory decision.
 */
export function LlmSideResults({ report }: Props) {
  const { calls, nuclearUse, failureBounds, escalationPerDay } = report;
  const outcomes = Object.keys(calls.callsByOutcome) as (keyof typeof calls.callsByOutcome)[];
  return (
    <section className="panel" aria-labelledby="llm-title" data-testid="llm-results">
      <h2 id="llm-title">
        {report.actor} played by a language model ({report.model})
      </h2>
      <p>
        Policy mode: the model was asked about each of {integer(report.situations)} situations the
        trials met, {report.replicates} times each; the trials then sampled its answers.
      </p>
      <dl className="facts">
        <dt>P(nuclear use), the elicitation’s uncertainty included</dt>
        <dd data-testid="llm-p">
          {percentWithInterval(nuclearUse.p, interval(nuclearUse.ci95))} · Monte Carlo alone{' '}
          {percent(nuclearUse.monteCarlo[0])}–{percent(nuclearUse.monteCarlo[1])} · ±{' '}
          {percent(nuclearUse.elicitationStderr)} across {report.bootstrap} bootstrap draws
        </dd>
        <dt>Failed calls imputed as the least escalatory decision</dt>
        <dd data-testid="llm-bound-restraint">
          {percentWithInterval(failureBounds.restraint.p, interval(failureBounds.restraint.ci95))}
        </dd>
        <dt>Failed calls imputed as the most escalatory decision</dt>
        <dd data-testid="llm-bound-escalation">
          {percentWithInterval(failureBounds.escalation.p, interval(failureBounds.escalation.ci95))}
        </dd>
        <dt>Calls</dt>
        <dd data-testid="llm-calls">
          {integer(calls.calls)} calls ({integer(calls.attempts)} attempts, {integer(calls.retries)}{' '}
          retries) · {integer(calls.failedCalls)} failed after retries · failure rate{' '}
          <span data-testid="llm-failure-rate">
            {percentWithInterval(calls.failureRate.p, interval(calls.failureRate.ci95))}
          </span>
        </dd>
        <dt>Escalation score per day (Rivera et al.)</dt>
        <dd>
          {number(escalationPerDay.mean)} (95% CI {number(escalationPerDay.ci95[0])}–
          {number(escalationPerDay.ci95[1])})
        </dd>
      </dl>
      <table data-testid="llm-outcomes">
        <caption>How each call and each attempt ended</caption>
        <thead>
          <tr>
            <th scope="col">outcome</th>
            <th scope="col" className="num">
              calls (final)
            </th>
            <th scope="col" className="num">
              attempts
            </th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o}>
              <th scope="row">{words(o)}</th>
              <td className="num">{integer(calls.callsByOutcome[o])}</td>
              <td className="num">{integer(calls.attemptsByOutcome[o])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        A failed call is never a silent hold: it took the scenario’s stated fallback and is counted
        above; the two bounds show how far the failures could move P(use).
      </p>
    </section>
  );
}
