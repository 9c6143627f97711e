import type { ActorCapability } from '../api/types.ts';
import { integer, percent } from '../format/number.ts';

interface Props {
  readonly actor: ActorCapability;
}

const LIMIT: Readonly<Record<string, string>> = {
  compute: 'compute',
  data: 'too little data',
  shift: 'data from elsewhere',
};

/** One actor's AI: what binds its training hardware, and its error rates per domain. */
export function CapabilityActor({ actor }: Props) {
  const c = actor.capability;
  return (
    <div className="capability-actor" data-testid="capability-actor">
      <h3>
        {actor.actor}
        {actor.label && ` — ${actor.label}`}
      </h3>
      {c === null ? (
        <p>
          Rates given directly in the scenario (no training block); AI in{' '}
          {actor.covered.join(', ') || 'no domain'}.
        </p>
      ) : (
        <p data-testid="binding">
          Binding constraint: <strong>{c.binding === 'power' ? 'power' : 'accelerators'}</strong> —{' '}
          {integer(c.requested)} accelerators requested, power for {integer(c.powerCap)},{' '}
          {integer(c.usable)} usable; training compute {c.computeFlop.toExponential(2)} FLOP.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">domain</th>
            <th scope="col">false positive</th>
            <th scope="col">false negative</th>
            {c && <th scope="col">error</th>}
            {c && <th scope="col">limited by</th>}
            {c && <th scope="col">over-confidence</th>}
          </tr>
        </thead>
        <tbody>
          {actor.covered.map((d) => {
            const dc = c?.domains[d];
            return (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td>{percent(actor.falsePositive[d])}</td>
                <td>{percent(actor.falseNegative[d])}</td>
                {dc && <td>{percent(dc.error)}</td>}
                {dc && <td>{LIMIT[dc.limitedBy] ?? dc.limitedBy}</td>}
                {dc && <td>+{(100 * dc.calibrationGap).toFixed(1)} pp</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">Median confidence on wrong labels: {actor.wrongConfidence.toFixed(2)}.</p>
    </div>
  );
}
