import type { RunDetail } from '../api/types.ts';
import { integer } from '../format/number.ts';

interface Props {
  readonly run: RunDetail;
}

/** What identifies and reproduces a run: scenario and its hash, seed, trials, version, times. */
export function RunMeta({ run }: Props) {
  const safeguards = run.options.safeguards ?? [];
  return (
    <dl className="meta" data-testid="run-meta">
      <dt>status</dt>
      <dd>
        <span data-testid="run-status" className={`badge ${run.status}`}>
          {run.status}
        </span>
      </dd>
      <dt>{run.kind === 'compare' ? 'comparison of' : 'scenario'}</dt>
      <dd>{run.scenarioName ?? 'edited text'}</dd>
      <dt>trials</dt>
      <dd>{integer(run.runs)}</dd>
      <dt>seed</dt>
      <dd>{run.seed}</dd>
      {run.kind === 'run' && safeguards.length > 0 && (
        <>
          <dt>safeguards</dt>
          <dd>{safeguards.join(', ')}</dd>
        </>
      )}
      <dt>scenario hash</dt>
      <dd>
        <code title={run.scenarioHash}>{run.scenarioHash.slice(0, 12)}</code>
      </dd>
      <dt>Petrov</dt>
      <dd>{run.version}</dd>
      <dt>started</dt>
      <dd>{new Date(run.createdAt).toLocaleString()}</dd>
    </dl>
  );
}
