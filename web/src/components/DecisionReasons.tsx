import type { TracedDecision } from '../api/types.ts';
import { words } from '../format/number.ts';

interface Props {
  readonly decisions: readonly TracedDecision[];
}

const clock = (minute: number) => `day ${(minute / 1440).toFixed(2)}`;

/** Each decision of a traced trial with the reason its decider stated (a model's, in its words). */
export function DecisionReasons({ decisions }: Props) {
  return (
    <section className="panel" aria-labelledby="reasons-title" data-testid="decision-reasons">
      <h2 id="reasons-title">Decisions and their stated reasons</h2>
      {decisions.length === 0 ? (
        <p>No side was asked to decide in this crisis.</p>
      ) : (
        <ol className="events">
          {decisions.map((d, i) => (
            <li key={i}>
              <span className="minute">{clock(d.minute)}</span> {d.actor}, {words(d.point)}:{' '}
              <strong>{words(d.choice)}</strong> — {d.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
