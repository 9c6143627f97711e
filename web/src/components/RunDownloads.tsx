import { useState } from 'react';
import { downloadFromApi } from '../api/download.ts';
import { ErrorBox } from './ErrorBox.tsx';

/** The finished run as files: the self-contained report and the estimates as CSV. */
export function RunDownloads({ id }: { readonly id: string }) {
  const [error, setError] = useState<unknown>(null);
  const path = `/runs/${encodeURIComponent(id)}`;
  const get = (suffix: string, filename: string) => {
    setError(null);
    downloadFromApi(`${path}/${suffix}`, filename).catch(setError);
  };
  return (
    <p className="downloads" data-testid="run-downloads">
      <button
        type="button"
        onClick={() => get('report', `petrov-run-${id}.html`)}
        data-testid="download-report"
      >
        Report (HTML, self-contained)
      </button>{' '}
      <button
        type="button"
        onClick={() => get('estimates.csv', `petrov-run-${id}.csv`)}
        data-testid="download-csv"
      >
        Estimates (CSV)
      </button>
      <ErrorBox error={error} />
    </p>
  );
}
