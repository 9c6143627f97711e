import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { followProgress } from '../api/progress-stream.ts';
import type { CompareResult, ProgressSample, RunDetail, RunResult } from '../api/types.ts';
import { CompareResults } from '../components/CompareResults.tsx';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ProgressPanel } from '../components/ProgressPanel.tsx';
import { RunDownloads } from '../components/RunDownloads.tsx';
import { RunMeta } from '../components/RunMeta.tsx';
import { RunResults } from '../components/RunResults.tsx';
import { StopNote } from '../components/StopNote.tsx';
import { UncertaintyBand } from '../components/UncertaintyBand.tsx';
import { routeHref } from '../routing/route.ts';

interface Props {
  readonly id: string;
}

/** One run or comparison: live progress while it runs, then its results; the URL reopens it. */
export function RunPage({ id }: Props) {
  const [run, setRun] = useState<RunDetail | null>(null);
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [queued, setQueued] = useState<number | null>(null);

  const load = useCallback(() => {
    api.run(id).then(setRun, setError);
  }, [id]);

  useEffect(() => {
    setRun(null);
    setSamples([]);
    setError(null);
    load();
  }, [load]);

  const running = run?.status === 'running';
  useEffect(() => {
    if (!running) return;
    return followProgress(id, {
      onProgress: (sample) => {
        setQueued(null);
        setSamples((previous) => [...previous, sample]);
      },
      onEnd: () => {
        setQueued(null);
        load();
      },
      // Position 0: it has left the queue and started.
      onQueued: (position) => setQueued(position > 0 ? position : null),
    });
  }, [id, running, load]);

  // A finished run replays the progress the server kept, so reopening it shows how it converged
  // (replacing, not adding to, what was watched live).
  const ended = run !== null && run.id === id && !running;
  useEffect(() => {
    if (!ended) return;
    const replayed: ProgressSample[] = [];
    return followProgress(id, {
      onProgress: (sample) => replayed.push(sample),
      onEnd: () => setSamples(replayed),
    });
  }, [id, ended]);

  const cancel = () => {
    api.cancel(id).then(load, setError);
  };

  // Removing a stored run cannot be undone: ask first, then go back to the list.
  const remove = () => {
    if (!window.confirm(`Delete run ${id} from the store? This cannot be undone.`)) return;
    api.remove(id).then(() => {
      window.location.hash = routeHref({ page: 'runs' });
    }, setError);
  };

  if (error) return <ErrorBox error={error} />;
  if (!run) return <p>Loading run {id}…</p>;
  // Once the run ends, the convergence watched live stays on the page below the headline.
  const convergence =
    !running && samples.length > 1 ? <ProgressPanel samples={samples} running={false} /> : null;
  const title = run.kind === 'compare' ? 'Safeguards compared' : 'Risk estimate';
  return (
    <article data-testid="run-page">
      <h1>
        {title}: {run.scenarioName}
      </h1>
      <RunMeta run={run} />
      <StopNote run={run} />
      <p>
        <a href={routeHref({ page: 'workbench', run: id })} data-testid="open-in-editor">
          Open this run’s scenario in the editor
        </a>
        {!running && (
          <>
            {' '}
            <button type="button" onClick={remove} data-testid="delete-run">
              Delete this run
            </button>
          </>
        )}
      </p>
      {run.result && <RunDownloads id={id} />}
      {running && queued !== null && (
        <p className="status warn" data-testid="queue-position">
          Waiting for a free slot on the server: position {queued} in the queue.
        </p>
      )}
      {running && <ProgressPanel samples={samples} running onCancel={cancel} />}
      {run.error && <ErrorBox error={run.error} />}
      {run.result &&
        (run.kind === 'compare' ? (
          <CompareResults
            runId={id}
            result={run.result as CompareResult}
            convergence={convergence}
          />
        ) : (
          <RunResults runId={id} result={run.result as RunResult} convergence={convergence} />
        ))}
      {run.result && run.kind === 'run' && (
        <UncertaintyBand run={run} result={run.result as RunResult} />
      )}
    </article>
  );
}
