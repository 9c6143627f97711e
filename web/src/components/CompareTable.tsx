import type { CompareResult } from '../api/types.ts';
import { ci, integer, percent, percentWithInterval, ratioWithInterval } from '../format/number.ts';

interface Props {
  readonly result: CompareResult;
}

/** A change in percentage points with its sign. */
const signedPercent = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${percent(Math.abs(x))}`;

/** Each safeguard against the baseline on the same random numbers: risk, ratio and reduction. */
export function CompareTable({ result }: Props) {
  const { baseline, variants } = result;
  return (
    <table data-testid="compare-table">
      <caption>
        Each row runs the same {integer(result.runs)} crises as the baseline (common random
        numbers), so the paired intervals are narrower than two independent runs would give.
      </caption>
      <thead>
        <tr>
          <th scope="col">variant</th>
          <th scope="col">P(nuclear use), 95% CI</th>
          <th scope="col">risk ratio, 95% CI</th>
          <th scope="col">risk reduction, 95% CI</th>
          <th
            scope="col"
            title="paired change in P(a genuine attack goes unanswered), variant − baseline"
          >
            unanswered attack, change, 95% CI
          </th>
          <th scope="col" className="num" title="crises with use only in the baseline / only here">
            discordant crises
          </th>
        </tr>
      </thead>
      <tbody>
        <tr className="reference" data-testid="compare-baseline">
          <th scope="row">baseline</th>
          <td>{percentWithInterval(baseline.nuclearUse.p, ci(baseline.nuclearUse.ci95))}</td>
          <td>1</td>
          <td>—</td>
          <td>
            {baseline.unansweredAttack
              ? percentWithInterval(baseline.unansweredAttack.p, ci(baseline.unansweredAttack.ci95))
              : 'not estimated'}
          </td>
          <td className="num">—</td>
        </tr>
        {variants.map((v) => (
          <tr key={v.name} data-testid="compare-row">
            <th scope="row" title={v.safeguards.join(', ')}>
              {v.name}
            </th>
            <td>{percentWithInterval(v.nuclearUse.p, ci(v.nuclearUse.ci95))}</td>
            <td>
              {v.riskRatio
                ? ratioWithInterval(v.riskRatio.estimate, ci(v.riskRatio.ci95))
                : 'n/a (no use in the baseline)'}
            </td>
            <td>
              {percent(v.absoluteRiskReduction.estimate)} (
              {percent(v.absoluteRiskReduction.ci95[0])} to{' '}
              {percent(v.absoluteRiskReduction.ci95[1])})
            </td>
            <td data-testid="compare-unanswered">
              {v.unansweredChange
                ? `${signedPercent(-v.unansweredChange.absoluteRiskReduction.estimate)} (${signedPercent(-v.unansweredChange.absoluteRiskReduction.ci95[1])} to ${signedPercent(-v.unansweredChange.absoluteRiskReduction.ci95[0])})`
                : 'not estimated'}
            </td>
            <td className="num">
              {v.pairs.baselineOnly} / {v.pairs.variantOnly}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
