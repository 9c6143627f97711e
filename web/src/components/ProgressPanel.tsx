import type { ProgressSample } from '../api/types.ts';
import { ConvergenceChart } from '../charts/ConvergenceChart.tsx';
import { integer, percent, percentWithInterval } from '../format/number.ts';

interface Props {
  readonly samples: readonly ProgressSample[];
  readonly running: boolean;
  readonly onCancel?: () => void;
}

/** Live progress of a run: trials done, the estimate so far with its interval, and convergence. */
export function ProgressPanel({ samples, running, onCancel }: Props) {
  const last = samples.at(-1);
  return (
    <section className="panel" aria-labelledby="progress-title" data-testid="progress">
      <h2 id="progress-title">{running ? 'Running…' : 'Convergence'}</h2>
      {last ? (
        <>
          {running && (
            <progress
              max={last.planned}
              value={last.done}
              aria-label="trials done"
              data-testid="progress-bar"
            />
          )}
          <p data-testid="progress-text" aria-live="polite">
            {integer(last.done)} of {integer(last.planned)} trials · {integer(last.nuclearUse)} with
            nuclear use · P(nuclear use) {percentWithInterval(last.p, last)}
            {last.relErr !== null && ` · relative error ${percent(last.relErr)}`}
          </p>
          {samples.length > 1 && <ConvergenceChart samples={samples} />}
        </>
      ) : (
        <p>Waiting for the first chunk of trials…</p>
      )}
      {running && onCancel && (
        <button type="button" onClick={onCancel} data-testid="cancel">
          Cancel
        </button>
      )}
    </section>
  );
}
