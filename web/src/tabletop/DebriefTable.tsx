import { ci, percentWithInterval } from '../format/number.ts';
import type { BranchOutcome, ExerciseView } from './tabletop-api.ts';

type Debrief = NonNullable<ExerciseView['debrief']>;

const ending = (o: BranchOutcome | null) =>
  o === null ? '—' : o.nuclearUse ? `nuclear use at minute ${o.minute.toFixed(0)}` : 'no use';

/**
 * The crisis as a timeline of every decision; for each player's, the doctrine's choice at that
 * moment of the same trial, how this trial ends from there under each (the rest played by the
 * scenario's agents), and the risk from there under each by the Monte Carlo branched from that
 * event on common random numbers, with 95% intervals.
 */
export function DebriefTable({ debrief }: { readonly debrief: Debrief }) {
  return (
    <section data-testid="debrief">
      <h2>Debrief</h2>
      <p className="hint">
        “Risk from here” runs {debrief.decisions.find((d) => d.risk !== null)?.risk?.branches ?? 0}{' '}
        futures from each player&apos;s decision: the same past, fresh chance after it, the rest
        played by the scenario&apos;s agents; both choices meet the same futures.
      </p>
      <p data-testid="debrief-outcome">
        As played: {ending(debrief.outcome)}. The same trial played by the scenario&apos;s agents:{' '}
        {ending(debrief.agents)}.
      </p>
      <table>
        <caption>Every decision, in order</caption>
        <thead>
          <tr>
            <th scope="col">minute</th>
            <th scope="col">side</th>
            <th scope="col">by</th>
            <th scope="col">point</th>
            <th scope="col">the truth</th>
            <th scope="col">choice</th>
            <th scope="col">time / allowed</th>
            <th scope="col">the doctrine would have</th>
            <th scope="col">this trial, as chosen</th>
            <th scope="col">this trial, the doctrine&apos;s way</th>
            <th scope="col">risk from here, as chosen</th>
            <th scope="col">risk from here, the doctrine&apos;s way</th>
            <th scope="col">doctrine minus choice (paired)</th>
          </tr>
        </thead>
        <tbody>
          {debrief.decisions.map((d) => (
            <tr
              key={d.index}
              data-testid={
                d.player === null && d.seconds === null ? 'debrief-agent' : 'debrief-player'
              }
            >
              <td>{d.minute.toFixed(0)}</td>
              <td>{d.actor}</td>
              <td>{d.seconds === null ? 'agent' : (d.player ?? 'player')}</td>
              <td>{d.point}</td>
              <td>{d.genuine === null ? '—' : d.genuine ? 'genuine' : 'false alarm'}</td>
              <td>
                {d.choice}
                {d.late && <span className="status warn"> (late: doctrine default)</span>}
              </td>
              <td>
                {d.seconds === null
                  ? '—'
                  : `${d.seconds.toFixed(1)} s / ${(d.limitSeconds ?? 0).toFixed(1)} s`}
              </td>
              <td data-testid="debrief-doctrine">{d.doctrine ?? '—'}</td>
              <td>{ending(d.underChoice)}</td>
              <td>{ending(d.underDoctrine)}</td>
              <td data-testid="risk-choice">
                {d.risk === null
                  ? '—'
                  : percentWithInterval(d.risk.underChoice.p, ci(d.risk.underChoice.ci95))}
              </td>
              <td data-testid="risk-doctrine">
                {d.risk === null
                  ? '—'
                  : percentWithInterval(d.risk.underAgent.p, ci(d.risk.underAgent.ci95))}
              </td>
              <td>
                {d.risk === null
                  ? '—'
                  : `${(100 * d.risk.difference.estimate).toFixed(1)} points (95% CI ${(100 * d.risk.difference.ci95[0]).toFixed(1)} to ${(100 * d.risk.difference.ci95[1]).toFixed(1)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
