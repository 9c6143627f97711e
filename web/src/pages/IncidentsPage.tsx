import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { Incident } from '../api/types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';

/**
 * The historical close calls bundled with Petrov (data/incidents.csv): what happened, what
 * stopped it, and which mechanism and parameter of the model each one informs.
 */
export function IncidentsPage() {
  const [incidents, setIncidents] = useState<readonly Incident[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mechanism, setMechanism] = useState('');
  useEffect(() => {
    api.incidents().then((r) => setIncidents(r.incidents), setError);
  }, []);
  const mechanisms = useMemo(
    () => [...new Set((incidents ?? []).map((i) => i.mechanism))].sort(),
    [incidents],
  );
  if (error !== null) return <ErrorBox error={error} />;
  if (incidents === null) return <p>Loading the record…</p>;
  const shown = mechanism === '' ? incidents : incidents.filter((i) => i.mechanism === mechanism);
  return (
    <article data-testid="incidents-page">
      <h1>Close calls of the open record</h1>
      <p className="hint">
        {incidents.length} incidents from public sources, each linked to the mechanism of the model
        and the parameter it informs (docs/calibration.md uses them; accounts of several are
        contested, see docs/sources.md). None is a count the model is fitted to except where a
        record stage is named.
      </p>
      <label>
        mechanism{' '}
        <select
          value={mechanism}
          onChange={(e) => setMechanism(e.target.value)}
          data-testid="incident-mechanism"
        >
          <option value="">all</option>
          {mechanisms.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <table data-testid="incidents">
        <thead>
          <tr>
            <th scope="col">date</th>
            <th scope="col">who</th>
            <th scope="col">what happened</th>
            <th scope="col">what stopped it</th>
            <th scope="col">mechanism · informs</th>
            <th scope="col">source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={i.id} data-testid="incident-row">
              <td>{i.date}</td>
              <td>{i.country}</td>
              <td>{i.description}</td>
              <td>{i.resolved_by}</td>
              <td data-testid="incident-mechanism-cell">
                {i.mechanism}
                {i.informs && ` · ${i.informs}`}
              </td>
              <td>{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
