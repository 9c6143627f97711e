import { useCallback, useEffect, useState } from 'react';
import { joinLink } from '../api/seat-token.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { routeHref } from '../routing/route.ts';
import { DebriefTable } from './DebriefTable.tsx';
import { tabletopApi, type ExerciseView } from './tabletop-api.ts';

/** How often the facilitator's view is refreshed while the exercise is open or in play. */
const REFRESH_MS = 1000;

/** The facilitator's view of one exercise: join links, start and stop, who decides, the debrief. */
export function ExercisePage({ id }: { readonly id: string }) {
  const [view, setView] = useState<ExerciseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    tabletopApi.exercise(id).then(setView, setError);
  }, [id]);
  useEffect(() => load(), [load]);
  const live = view?.status === 'open' || view?.status === 'playing';
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, load]);

  if (error !== null && view === null) return <ErrorBox error={error} />;
  if (view === null) return <p>Loading exercise {id}…</p>;
  const act = (call: (id: string) => Promise<unknown>) => call(id).then(load, setError);
  return (
    <article data-testid="exercise-page">
      <h1>{view.label}</h1>
      <p className="hint">
        {view.scenarioName} · seed {view.seed}, trial {view.trial} · time compression{' '}
        {view.compression}× ·{' '}
        {view.className && (
          <>
            <a href={routeHref({ page: 'class', name: view.className })} data-testid="class-link">
              class {view.className}
            </a>{' '}
            ·{' '}
          </>
        )}
        status <strong data-testid="exercise-status">{view.status}</strong>
      </p>
      <ErrorBox error={error} />
      <table data-testid="seats">
        <caption>Seats</caption>
        <thead>
          <tr>
            <th scope="col">side</th>
            <th scope="col">played by</th>
            <th scope="col">join link (give it to the player only)</th>
          </tr>
        </thead>
        <tbody>
          {view.seats.map((s) => (
            <tr key={s.actor}>
              <td>{s.actor}</td>
              <td data-testid={`player-${s.actor}`}>
                {s.kind === 'agent' ? "the scenario's agent" : (s.player ?? 'not joined yet')}
              </td>
              <td>
                {s.token !== null && (
                  <input
                    readOnly
                    value={joinLink(s.token)}
                    size={60}
                    data-testid={`join-link-${s.actor}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="row">
        {view.status === 'open' && (
          <button
            type="button"
            className="primary"
            onClick={() => act(tabletopApi.start)}
            data-testid="start-exercise"
          >
            Start the crisis
          </button>
        )}
        {view.status === 'playing' && (
          <button type="button" onClick={() => act(tabletopApi.stop)} data-testid="stop-exercise">
            Stop the exercise
          </button>
        )}
      </p>
      {view.waitingOn !== null && (
        <p className="status warn" data-testid="waiting-on">
          Waiting on {view.waitingOn.actor} ({view.waitingOn.point}):{' '}
          {view.waitingOn.remainingSeconds.toFixed(0)} s left
        </p>
      )}
      {view.error !== null && <ErrorBox error={view.error} />}
      {view.debrief !== null && <DebriefTable debrief={view.debrief} />}
    </article>
  );
}
