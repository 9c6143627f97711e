import type { ReactNode } from 'react';
import type { RunDetail } from '../api/types.ts';
import { integer } from '../format/number.ts';

interface Props {
  readonly run: RunDetail;
}

/** What identifies and reproduces a run: scenario and its hash, seed, trials, version, times. */
export function RunMeta({ run }: Props) {
  const { options } = run;
  const trials = run.runs ?? options.runs;
  const items: [string, ReactNode][] = [
    [
      'status',
      <span data-testid="run-status" className={`badge ${run.status}`}>
        {run.status}
      </span>,
    ],
    ['scenario', options.source === 'text' ? `${run.scenarioName} (edited)` : run.scenarioName],
    [
      run.kind === 'compare' ? 'trials per arm' : 'trials',
      trials === null ? `until ±${options.targetRelError} relative error` : integer(trials),
    ],
    ...(options.targetRelError !== null && options.targetRelError !== undefined
      ? [
          [
            'stop rule',
            <span data-testid="run-stop-rule">
              relative error ≤ {(100 * options.targetRelError).toFixed(1)}%, at most{' '}
              {integer(options.maxRuns ?? 0)} trials
            </span>,
          ] as [string, ReactNode],
        ]
      : []),
    ['seed', run.seed],
    ...(run.kind === 'run' && options.safeguards.length > 0
      ? [['safeguards', options.safeguards.join(', ')] as [string, ReactNode]]
      : []),
    ['scenario hash', <code title={run.scenarioHash}>{run.scenarioHash.slice(0, 12)}</code>],
    ['Petrov', run.version],
    ['started', new Date(run.createdAt).toLocaleString()],
  ];
  return (
    <dl className="meta" data-testid="run-meta">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
