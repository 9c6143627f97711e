import type { CompareResult, RunDetail, RunResult } from '../api/types.ts';
import { integer } from '../format/number.ts';

interface Props {
  readonly run: RunDetail;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * Why a run stopped where it did: at its target relative error (and the error reached), at its
 * trial cap before the target, after the trials asked for, or cancelled.
 */
export function StopNote({ run }: Props) {
  const result = run.result as RunResult | CompareResult | null;
  if (result === null) return null;
  const target = run.options.targetRelError;
  const compare = run.kind === 'compare';
  const trials = `${integer(result.runs)} trials${compare ? ' per arm' : ''}`;
  const what = compare ? 'every risk ratio' : 'P(nuclear use)';
  // A comparison stops on its risk ratios; a run on P(nuclear use), whose error it reports.
  const reached = 'outcomes' in result ? result.outcomes.nuclearUse.relErr : null;
  let text: string;
  if (result.stoppedBy === 'target' && target !== null) {
    text = compare
      ? `Stopped once ${what} reached ${pct(target)} relative error, after ${trials}.`
      : `Stopped at ${reached === null ? pct(target) : pct(reached)} relative error after ${trials} (target ${pct(target)}).`;
  } else if (result.stoppedBy === 'maxRuns' && target !== null) {
    const at = reached === null ? '' : ` at ${pct(reached)} relative error`;
    text = `Hit the cap of ${trials}${at} before ${what} reached ${pct(target)}: give it more trials to reach the target.`;
  } else if (result.stoppedBy === 'aborted') {
    text = `Cancelled after ${trials}.`;
  } else {
    text = `Ran the ${trials} asked for (no relative-error target).`;
  }
  return (
    <p className={result.stoppedBy === 'maxRuns' ? 'status warn' : 'muted'} data-testid="stop-note">
      {text}
    </p>
  );
}
