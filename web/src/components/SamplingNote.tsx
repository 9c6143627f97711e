import type { CompareResult, RunResult } from '../api/types.ts';
import { integer, number } from '../format/number.ts';

interface Props {
  readonly result: Pick<RunResult | CompareResult, 'method' | 'methodReason' | 'importance'>;
}

/** How the trials were sampled; for importance sampling, how far its weights can be trusted. */
export function SamplingNote({ result }: Props) {
  // Results stored before importance sampling existed carry no method: they were plain.
  if (result.method !== 'importance' || !result.importance) {
    return result.methodReason?.startsWith('a plain pilot') ? (
      <p className="status" data-testid="sampling">
        Plain Monte Carlo ({result.methodReason}).
      </p>
    ) : null;
  }
  const { diagnostics: d, tiltSource, rounds } = result.importance;
  const [low, high] = d.meanWeight.ci95;
  return (
    <div data-testid="sampling">
      <p className="status">
        Importance sampling ({result.methodReason}): trials drawn with the failures below made
        likelier, each weighed by its exact likelihood ratio (docs/rare-events.md). Tilt from{' '}
        {tiltSource === 'given'
          ? 'the request'
          : `the cross-entropy search, ${rounds.length} pilot rounds`}
        ; {number(d.ess, 3)} effective trials of {integer(d.tiltedUses)} with use; the largest
        weight carries {number(100 * d.maxWeightShare, 2)}% of the estimate; mean weight{' '}
        {number(d.meanWeight.mean, 3)} (95% CI {number(low, 3)}–{number(high, 3)}, 1 expected).
      </p>
      {d.warnings.map((w) => (
        <p key={w} className="status warn">
          Warning: {w}
        </p>
      ))}
    </div>
  );
}
