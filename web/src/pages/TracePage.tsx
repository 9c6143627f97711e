import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { TracedDecision, TraceResult } from '../api/types.ts';
import { RungPathChart } from '../charts/RungPathChart.tsx';
import { TimelineChart } from '../charts/TimelineChart.tsx';
import { CausalChain } from '../components/CausalChain.tsx';
import { DecisionReasons } from '../components/DecisionReasons.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { EventList } from '../components/EventList.tsx';
import { causeFrom, words } from '../format/number.ts';
import { routeHref } from '../routing/route.ts';

interface Props {
  readonly id: string;
  readonly trial: number;
  readonly safeguards: readonly string[];
}

/** One trial of a run replayed from (seed, trial): its outcome and a timeline of both actors. */
export function TracePage({ id, trial, safeguards }: Props) {
  const [trace, setTrace] = useState<(TraceResult & { decisions?: TracedDecision[] }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = safeguards.join(',');
  useEffect(() => {
    setTrace(null);
    setError(null);
    api.trace(id, trial, key ? key.split(',') : []).then(setTrace, setError);
  }, [id, trial, key]);

  return (
    <article data-testid="trace-page">
      <p>
        <a href={routeHref({ page: 'run', id })}>← back to the run</a>
      </p>
      <h1>
        Trial {trial}
        {safeguards.length > 0 && ` with ${safeguards.join(', ')}`}
      </h1>
      <ErrorBox error={error} />
      {!trace && !error && <p>Replaying the trial…</p>}
      {trace && (
        <>
          <section className="panel" data-testid="trace-summary">
            <p className="big">
              {trace.nuclearUse ? (
                <>
                  <strong className="danger">Nuclear use</strong> on day {trace.day?.toFixed(2)}:{' '}
                  {causeFrom(trace.cause ?? '', trace.origin)}.
                </>
              ) : (
                <strong>No nuclear use in this crisis.</strong>
              )}
            </p>
            <CausalChain steps={trace.chain} />
            <p>
              Highest rung:{' '}
              {Object.entries(trace.highestRung)
                .map(([actor, rung]) => `${actor} ${words(rung)}`)
                .join(' · ')}
              . A single replayed crisis (seed {trace.seed}): an example, not an estimate.
            </p>
          </section>
          <section className="panel">
            <h2>Timeline</h2>
            <TimelineChart trace={trace} />
          </section>
          <section className="panel">
            <h2>Up and down the ladder</h2>
            <RungPathChart trace={trace} />
          </section>
          {trace.decisions && <DecisionReasons decisions={trace.decisions} />}
          <section className="panel">
            <h2>Events</h2>
            <EventList events={trace.events} />
          </section>
        </>
      )}
    </article>
  );
}
