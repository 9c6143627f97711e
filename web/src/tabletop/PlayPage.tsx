import { useEffect, useRef, useState, type FormEvent } from 'react';
import { seatToken } from '../api/seat-token.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { QuestionPanel } from './QuestionPanel.tsx';
import { tabletopApi, type SeatView } from './tabletop-api.ts';

/**
 * A player's seat: the join form, then the live crisis over the play socket — each question with
 * what the side knows and its countdown, the choices, and the answers given. A reload (or a
 * dropped connection) reconnects to the same seat; nothing decided is lost.
 */
export function PlayPage() {
  const token = seatToken();
  const [view, setView] = useState<SeatView | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [connected, setConnected] = useState(false);
  const [name, setName] = useState('');
  const socket = useRef<WebSocket | null>(null);

  useEffect(() => {
    if (token === null) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const ws = new WebSocket(tabletopApi.playUrl());
      socket.current = ws;
      ws.onopen = () => setConnected(true);
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as
          { type: 'seat'; view: SeatView } | { type: 'error'; error: string };
        if (message.type === 'seat') {
          setView(message.view);
          setReceivedAt(performance.now());
          setError(null);
        } else setError(new Error(message.error));
      };
      ws.onclose = () => {
        setConnected(false);
        // Reconnect: the server keeps the seat and everything decided in it.
        if (!closed) retry = setTimeout(connect, 1000);
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket.current?.close();
    };
  }, [token]);

  if (token === null) {
    return (
      <p data-testid="no-seat">
        Open the join link your facilitator gave you to take your seat in an exercise.
      </p>
    );
  }
  if (view === null) return <p>{connected ? 'Joining…' : 'Connecting to the exercise…'}</p>;

  const join = (event: FormEvent) => {
    event.preventDefault();
    tabletopApi.join(name).then(setView, setError);
  };
  const decide = (choice: string) => {
    if (view.question === null) return;
    socket.current?.send(JSON.stringify({ type: 'decide', question: view.question.id, choice }));
  };

  return (
    <article data-testid="play-page">
      <h1>
        {view.exercise.label}: you play <span data-testid="seat-actor">{view.seat.actor}</span>
      </h1>
      <p className="hint">
        {view.exercise.scenarioName} · status{' '}
        <strong data-testid="exercise-status">{view.exercise.status}</strong>
        {!connected && <span className="status warn"> · reconnecting…</span>}
      </p>
      {view.seat.player === null ? (
        <form onSubmit={join} className="row">
          <label>
            Your name{' '}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={100}
              data-testid="join-name"
            />
          </label>
          <button type="submit" className="primary" data-testid="join">
            Take the seat
          </button>
        </form>
      ) : (
        <p>
          Playing as <strong data-testid="player-name">{view.seat.player}</strong>.
        </p>
      )}
      <ErrorBox error={error} />
      {view.question !== null && (
        <QuestionPanel question={view.question} receivedAt={receivedAt} onDecide={decide} />
      )}
      {view.exercise.status === 'playing' && view.question === null && (
        <p data-testid="waiting">No decision is asked of your side right now.</p>
      )}
      {view.exercise.status === 'open' && (
        <p data-testid="waiting">Waiting for the facilitator to start the crisis.</p>
      )}
      {view.outcome !== null && (
        <p className={view.outcome.nuclearUse ? 'status error' : 'status ok'} data-testid="outcome">
          The crisis ended {view.outcome.nuclearUse ? 'in nuclear use' : 'without nuclear use'} at
          minute {view.outcome.minute.toFixed(0)}. Your facilitator has the debrief.
        </p>
      )}
      {view.error !== null && <ErrorBox error={view.error} />}
      {view.answers.length > 0 && (
        <table data-testid="answers">
          <caption>Your decisions</caption>
          <thead>
            <tr>
              <th scope="col">minute</th>
              <th scope="col">point</th>
              <th scope="col">decision</th>
              <th scope="col" className="num">
                seconds taken / allowed
              </th>
            </tr>
          </thead>
          <tbody>
            {view.answers.map((a) => (
              <tr key={a.question} data-testid="answer-row">
                <td>{a.minute.toFixed(0)}</td>
                <td>{a.point}</td>
                <td>
                  {a.choice}
                  {a.late && (
                    <span className="status warn" data-testid="late">
                      {' '}
                      (too late: the doctrine default decided)
                    </span>
                  )}
                </td>
                <td className="num">
                  {a.seconds.toFixed(1)} / {a.limitSeconds.toFixed(1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
