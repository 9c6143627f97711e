import type { RunResult } from '../api/types.ts';
import { causeFrom } from '../format/number.ts';
import { routeHref } from '../routing/route.ts';

interface Props {
  readonly runId: string;
  readonly examples: RunResult['examples'];
}

/** The run's first trials that ended in nuclear use, each a link to its timeline. */
export function ExampleTrials({ runId, examples }: Props) {
  if (examples.length === 0) return <p>No trial of this run ended in nuclear use.</p>;
  return (
    <ul className="examples" data-testid="examples">
      {examples.map((e) => (
        <li key={e.trial}>
          <a
            href={routeHref({ page: 'trace', id: runId, trial: e.trial, safeguards: [] })}
            data-testid="trace-link"
          >
            Trial {e.trial}
          </a>
          : {causeFrom(e.cause, e.origin, ' from ')}, {e.actor} used first on day {e.day.toFixed(1)}
        </li>
      ))}
    </ul>
  );
}
