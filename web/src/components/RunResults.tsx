import { useMemo, type ReactNode } from 'react';
import type { LlmRunResult, RunResult } from '../api/types.ts';
import { LlmSideResults } from './LlmSideResults.tsx';
import { IntervalChart, type IntervalRow } from '../charts/IntervalChart.tsx';
import { RungChart } from '../charts/RungChart.tsx';
import { integer, numberWithInterval, percent, words } from '../format/number.ts';
import { CountsTable } from './CountsTable.tsx';
import { ExampleTrials } from './ExampleTrials.tsx';
import { ProportionTable } from './ProportionTable.tsx';
import { SamplingNote } from './SamplingNote.tsx';
import { TraceForm } from './TraceForm.tsx';

interface Props {
  readonly runId: string;
  /** The convergence seen live, shown once the run has ended. */
  readonly convergence?: ReactNode;
  readonly result: RunResult;
}

/** A run's estimates: the headline risk, its causes, the ladder per side and the counts behind it. */
export function RunResults({ runId, result, convergence }: Props) {
  const { outcomes, runs, scenario } = result;
  const use = outcomes.nuclearUse;
  // Null under importance sampling, whose trials end at the first use.
  const ledger =
    outcomes.generalWar && outcomes.retaliation && outcomes.unansweredAttack
      ? {
          'general nuclear war': outcomes.generalWar,
          'retaliation after first use': outcomes.retaliation,
          'genuine attack unanswered': outcomes.unansweredAttack,
        }
      : null;
  const withUse = Math.round(use.p * runs);
  const causeRows = useMemo<IntervalRow[]>(
    () => [
      { label: 'any cause', estimate: use.p, low: use.ci95[0], high: use.ci95[1], reference: true },
      ...Object.entries(outcomes.byCause).map(([cause, e]) => ({
        label: words(cause),
        estimate: e.p,
        low: e.ci95[0],
        high: e.ci95[1],
      })),
    ],
    [use, outcomes.byCause],
  );
  return (
    <div className="results" data-testid="run-results">
      <section className="panel headline" aria-labelledby="headline-title">
        <h2 id="headline-title">
          Probability of nuclear use in one {scenario.horizonDays}-day crisis
        </h2>
        <p className="big" data-testid="headline">
          <strong data-testid="headline-p">{percent(use.p)}</strong>{' '}
          <span data-testid="headline-interval">
            95% CI {percent(use.ci95[0])}–{percent(use.ci95[1])}
          </span>
        </p>
        <p>
          ± {percent(use.stderr)} standard error
          {use.relErr !== null && ` (relative error ${percent(use.relErr)})`} ·{' '}
          {result.method === 'importance'
            ? `weighted estimate from ${integer(runs)} simulated crises`
            : `${integer(withUse)} of ${integer(runs)} simulated crises ended in nuclear use`}
          {outcomes.daysToUse &&
            ` · first use on day ${numberWithInterval(outcomes.daysToUse.mean, {
              low: outcomes.daysToUse.ci95[0],
              high: outcomes.daysToUse.ci95[1],
            })} on average`}
          .
        </p>
        <SamplingNote result={result} />
        {result.stoppedBy === 'aborted' && (
          <p className="status warn">Cancelled: these estimates cover the trials done so far.</p>
        )}
      </section>

      {'llm' in result && <LlmSideResults report={(result as LlmRunResult).llm} />}
      {convergence}
      <section className="panel" aria-labelledby="causes-title">
        <h2 id="causes-title">Causes</h2>
        <IntervalChart
          rows={causeRows}
          caption="P(nuclear use) by cause of the first use: dots are estimates, whiskers 95% intervals."
          testId="cause-chart"
          axisLabel="P(nuclear use) per crisis (%)"
          scale="percent"
        />
        <div className="tables">
          <ProportionTable
            rows={outcomes.byCause}
            caption="By cause"
            label="cause"
            testId="cause-table"
          />
          <ProportionTable
            rows={outcomes.byOrigin}
            caption="By the event that began the chain"
            label="origin"
            testId="origin-table"
          />
          <ProportionTable
            rows={outcomes.firstUse}
            caption="By the side that used first"
            label="side"
            testId="first-use-table"
          />
          {ledger && (
            <ProportionTable
              rows={ledger}
              caption="After a first use, and the other side of the dilemma"
              label="outcome per crisis"
              testId="ledger-table"
            />
          )}
        </div>
      </section>

      <section className="panel" aria-labelledby="rungs-title">
        <h2 id="rungs-title">How far each side climbed the escalation ladder</h2>
        <RungChart highestRung={outcomes.highestRung} />
        <details>
          <summary>The same as tables</summary>
          <div className="tables">
            {Object.entries(outcomes.highestRung).map(([actor, rungs]) => (
              <ProportionTable
                key={actor}
                rows={rungs}
                caption={`${actor}: highest rung reached`}
                label="rung"
                testId={`rung-table-${actor}`}
              />
            ))}
          </div>
        </details>
      </section>

      <section className="panel" aria-labelledby="counts-title">
        <h2 id="counts-title">What happened in an average crisis</h2>
        <CountsTable counts={outcomes.counts} />
      </section>

      <section className="panel" aria-labelledby="examples-title">
        <h2 id="examples-title">Read a crisis event by event</h2>
        <ExampleTrials runId={runId} examples={result.examples} />
        <TraceForm runId={runId} arms={[]} />
      </section>
    </div>
  );
}
