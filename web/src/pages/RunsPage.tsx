import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { RunSummaryRow } from '../api/types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { integer, percentWithInterval } from '../format/number.ts';
import { routeHref } from '../routing/route.ts';

/** Past runs and comparisons, newest first, each reopening its page. */
export function RunsPage() {
  const [runs, setRuns] = useState<RunSummaryRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.runs().then((r) => setRuns(r.runs), setError);
  }, []);
  return (
    <article>
      <h1>Past runs</h1>
      <ErrorBox error={error} />
      {runs?.length === 0 && <p>No runs yet.</p>}
      {runs && runs.length > 0 && (
        <table data-testid="runs-table">
          <thead>
            <tr>
              <th scope="col">started</th>
              <th scope="col">kind</th>
              <th scope="col">scenario</th>
              <th scope="col" className="num">
                trials
              </th>
              <th scope="col" className="num">
                seed
              </th>
              <th scope="col">status</th>
              <th scope="col">P(nuclear use), 95% CI</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} data-testid="runs-row">
                <td>
                  <a href={routeHref({ page: 'run', id: r.id })}>
                    {new Date(r.createdAt).toLocaleString()}
                  </a>
                </td>
                <td>{r.kind === 'compare' ? 'comparison' : 'run'}</td>
                <td>
                  {r.label !== null && <strong>{r.label} · </strong>}
                  {r.scenarioName}
                  {[
                    ...(r.safeguards.length > 0 ? [`safeguards ${r.safeguards.join(', ')}`] : []),
                    ...r.sets.map((s) => `--set ${s}`),
                    ...r.whatIfs.map((w) => `variant ${w}`),
                  ].map((detail) => (
                    <span key={detail} className="muted">
                      {' '}
                      · {detail}
                    </span>
                  ))}
                </td>
                <td className="num">{r.runs === null ? '—' : integer(r.runs)}</td>
                <td className="num">{r.seed}</td>
                <td>
                  <span className={`badge ${r.status}`}>{r.status}</span>
                </td>
                <td>{r.headline ? percentWithInterval(r.headline.p, r.headline) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
