import { useState, type FormEvent } from 'react';
import { routeHref } from '../routing/route.ts';

export interface TraceArm {
  readonly name: string;
  readonly safeguards: readonly string[];
}

interface Props {
  readonly runId: string;
  /** The arms a trial can be replayed on (a comparison's baseline and variants). */
  readonly arms: readonly TraceArm[];
}

/** Replay any trial of the run (with the chosen arm's safeguards) as a timeline. */
export function TraceForm({ runId, arms }: Props) {
  const [trial, setTrial] = useState(0);
  const [arm, setArm] = useState(0);
  const open = (event: FormEvent) => {
    event.preventDefault();
    const safeguards = arms[arm]?.safeguards ?? [];
    window.location.hash = routeHref({ page: 'trace', id: runId, trial, safeguards });
  };
  return (
    <form className="row trace-form" onSubmit={open}>
      <label>
        Trial
        <input
          type="number"
          min={0}
          value={trial}
          data-testid="trace-trial"
          onChange={(event) => setTrial(Math.max(0, Math.floor(Number(event.target.value))))}
        />
      </label>
      {arms.length > 1 && (
        <label>
          on
          <select value={arm} onChange={(event) => setArm(Number(event.target.value))}>
            {arms.map((a, i) => (
              <option key={a.name} value={i}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit">Show timeline</button>
    </form>
  );
}
