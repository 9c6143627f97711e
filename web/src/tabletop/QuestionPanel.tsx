import { useEffect, useState } from 'react';
import type { SeatView } from './tabletop-api.ts';

type OpenQuestion = NonNullable<SeatView['question']>;

interface Props {
  readonly question: OpenQuestion;
  /** When the view arrived (performance.now), to count down from its remaining seconds. */
  readonly receivedAt: number;
  readonly onDecide: (choice: string) => void;
}

const HEADINGS: Record<string, string> = {
  alert: 'Warning: a track labelled hostile reached you',
  rise: 'The other side appears to climb',
  outage: 'You have lost contact with leadership',
};
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** One question: what the side knows (the Observation), the countdown, and the legal choices. */
export function QuestionPanel({ question, receivedAt, onDecide }: Props) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const o = question.observation;
  const w = question.words;
  const left = Math.max(0, question.remainingSeconds - (now - receivedAt) / 1000);
  return (
    <section className="panel" data-testid="question" aria-live="assertive">
      <h2>{HEADINGS[question.point] ?? question.point}</h2>
      <p className="status warn" data-testid="countdown">
        {left.toFixed(0)} s left
        {question.windowMinutes !== null &&
          ` (the window is ${question.windowMinutes.toFixed(1)} model minutes)`}
      </p>
      <dl>
        <dt>Minute of the crisis</dt>
        <dd>{o.minute.toFixed(0)}</dd>
        <dt>Authority</dt>
        <dd>{w.mode}</dd>
        {question.point === 'alert' && (
          <>
            <dt>Track</dt>
            <dd data-testid="track">
              {w.domain ?? 'unknown'} domain, labelled hostile{' '}
              {o.byAi ? `by the AI at ${pct(o.confidence)} confidence` : 'by the warning chain'}
              {o.confirmed === 1
                ? '; confirmed by a second sensor'
                : o.confirmed === 0
                  ? '; not confirmed by a second sensor'
                  : '; no second sensor covers it'}
            </dd>
            <dt>If you act</dt>
            <dd>you respond at {w.responseRung ?? 'the doctrine rung'}</dd>
          </>
        )}
        <dt>Your rung</dt>
        <dd>{w.ownRung}</dd>
        <dt>The other side, as you see it</dt>
        <dd>{w.perceivedRung ?? 'no other side'}</dd>
        <dt>Link to leadership</dt>
        <dd>{o.linkUp ? 'up' : `down for ${o.outageMinutes.toFixed(0)} minutes`}</dd>
      </dl>
      {w.recent.length > 0 && (
        <details>
          <summary>What your side saw lately</summary>
          <ul>
            {w.recent.map((e, i) => (
              <li key={i}>
                minute {e.minute.toFixed(0)}: {e.what}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="row">
        {question.legal.map((choice) => (
          <button
            key={choice}
            type="button"
            className={choice === 'veto' || choice === 'hold' ? '' : 'primary'}
            onClick={() => onDecide(choice)}
            data-testid={`choice-${choice}`}
          >
            {choice}
          </button>
        ))}
      </p>
    </section>
  );
}
