import { useState } from 'react';
import { api } from '../api/client.ts';
import type { CapabilityResponse, ScenarioRef } from '../api/types.ts';
import { CapabilityActor } from './CapabilityActor.tsx';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  readonly scenario: ScenarioRef;
  readonly ready: boolean;
}

/** M6 for the editor's scenario: per actor, what binds the hardware and per-domain error rates. */
export function CapabilityPanel({ scenario, ready }: Props) {
  // Kept with the scenario it answers, so an edit hides an answer that no longer applies.
  const [answer, setAnswer] = useState<{ for: ScenarioRef; result: CapabilityResponse } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const compute = async () => {
    setError(null);
    try {
      setAnswer({ for: scenario, result: await api.capability(scenario) });
    } catch (e) {
      setError(e);
      setAnswer(null);
    }
  };
  const result = answer?.for === scenario ? answer.result : null;
  return (
    <section className="panel" data-testid="capability-panel" aria-labelledby="capability-title">
      <h2 id="capability-title">AI capability (M6)</h2>
      <p className="hint">
        From accelerators, power and training data to each AI&apos;s error rates. These are computed
        exactly from the scenario&apos;s inputs: they carry no sampling error, and the inputs&apos;
        own uncertainty is not propagated.
      </p>
      <button type="button" onClick={compute} disabled={!ready} data-testid="capability-compute">
        Compute capability
      </button>
      <ErrorBox error={error} />
      {result?.actors.map((a) => (
        <CapabilityActor key={a.actor} actor={a} />
      ))}
    </section>
  );
}
