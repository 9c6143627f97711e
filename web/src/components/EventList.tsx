import { useState } from 'react';
import type { TraceResult } from '../api/types.ts';
import { clock } from '../format/number.ts';

interface Props {
  readonly events: TraceResult['events'];
}

/** The trace as text, in time order; tracks the AI labelled benign are hidden unless asked for. */
export function EventList({ events }: Props) {
  const [all, setAll] = useState(false);
  const shown = events.filter(
    (e, i) =>
      all ||
      !(e.kind === 'labelBenign' || (e.kind === 'track' && events[i + 1]?.kind === 'labelBenign')),
  );
  const hidden = events.filter((e) => e.kind === 'labelBenign').length;
  return (
    <div>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        Show the {hidden} tracks the AI labelled benign
      </label>
      <table className="events" data-testid="trace-events">
        <thead>
          <tr>
            <th scope="col">time</th>
            <th scope="col">actor</th>
            <th scope="col">event</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i} className={`kind-${e.kind}`} data-testid="trace-event">
              <td className="time">{clock(e.minute)}</td>
              <td>{e.actor ?? '—'}</td>
              <td>{e.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
