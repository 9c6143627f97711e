import { useMemo, type ReactNode } from 'react';
import type { CompareResult } from '../api/types.ts';
import { IntervalChart, type IntervalRow } from '../charts/IntervalChart.tsx';
import { TradeoffChart, type TradeoffPoint } from '../charts/TradeoffChart.tsx';
import { ci, integer, percentWithInterval } from '../format/number.ts';
import { CompareTable } from './CompareTable.tsx';
import { SamplingNote } from './SamplingNote.tsx';
import { TraceForm } from './TraceForm.tsx';

interface Props {
  readonly runId: string;
  /** The convergence seen live, shown once the run has ended. */
  readonly convergence?: ReactNode;
  readonly result: CompareResult;
}

/** A comparison: every safeguard's risk and risk ratio against the baseline, most effective first. */
export function CompareResults({ runId, result, convergence }: Props) {
  const { baseline, variants } = result;
  const riskRows = useMemo<IntervalRow[]>(
    () => [
      {
        label: 'baseline',
        estimate: baseline.nuclearUse.p,
        low: baseline.nuclearUse.ci95[0],
        high: baseline.nuclearUse.ci95[1],
        reference: true,
      },
      ...[...variants]
        .sort((a, b) => a.nuclearUse.p - b.nuclearUse.p)
        .map((v) => ({
          label: v.name,
          estimate: v.nuclearUse.p,
          low: v.nuclearUse.ci95[0],
          high: v.nuclearUse.ci95[1],
        })),
    ],
    [baseline, variants],
  );
  const ratioRows = useMemo<IntervalRow[]>(
    () =>
      variants
        .flatMap((v) =>
          v.riskRatio
            ? [
                {
                  label: v.name,
                  estimate: v.riskRatio.estimate,
                  low: v.riskRatio.ci95[0],
                  high: v.riskRatio.ci95[1],
                },
              ]
            : [],
        )
        .sort((a, b) => a.estimate - b.estimate),
    [variants],
  );
  // Variant − baseline on both axes; the paired estimates are baseline − variant.
  const tradeoff = useMemo<TradeoffPoint[]>(
    () =>
      variants.flatMap((v) => {
        const u = v.unansweredChange;
        if (!u) return [];
        const use = v.absoluteRiskReduction;
        return [
          {
            label: v.name,
            use: [-use.estimate, -use.ci95[1], -use.ci95[0]],
            unanswered: [
              -u.absoluteRiskReduction.estimate,
              -u.absoluteRiskReduction.ci95[1],
              -u.absoluteRiskReduction.ci95[0],
            ],
          },
        ];
      }),
    [variants],
  );
  const arms = [baseline, ...variants].map((a) => ({ name: a.name, safeguards: a.safeguards }));
  return (
    <div className="results" data-testid="compare-results">
      <section className="panel headline" aria-labelledby="baseline-title">
        <h2 id="baseline-title">Baseline</h2>
        <p className="big" data-testid="headline">
          P(nuclear use) {percentWithInterval(baseline.nuclearUse.p, ci(baseline.nuclearUse.ci95))}
        </p>
        <p>
          {integer(result.runs)} crises per arm, {variants.length} variants, seed {result.seed}.
        </p>
        <SamplingNote result={result} />
      </section>
      <section className="panel" aria-labelledby="risk-title">
        <h2 id="risk-title">Risk under each safeguard</h2>
        <IntervalChart
          rows={riskRows}
          caption="P(nuclear use) per crisis under each safeguard, lowest first; grey is the baseline. Whiskers are 95% intervals."
          testId="compare-risk-chart"
          axisLabel="P(nuclear use) per crisis (%)"
          scale="percent"
        />
        {ratioRows.length > 0 && (
          <IntervalChart
            rows={ratioRows}
            caption="Risk ratio against the baseline (log scale; left of the dashed line cuts the risk), paired 95% intervals."
            testId="compare-ratio-chart"
            axisLabel="risk ratio (variant / baseline)"
            scale="ratio"
          />
        )}
        <CompareTable result={result} />
      </section>
      {tradeoff.length > 0 && (
        <section className="panel" aria-labelledby="dilemma-title">
          <h2 id="dilemma-title">The other side of the dilemma</h2>
          <p>
            A safeguard that stops a false alarm can also stop the answer to a real attack — the
            fear that makes states delegate. Baseline P(genuine attack unanswered){' '}
            {baseline.unansweredAttack
              ? percentWithInterval(baseline.unansweredAttack.p, ci(baseline.unansweredAttack.ci95))
              : 'not estimated'}
            .
          </p>
          <TradeoffChart points={tradeoff} testId="compare-tradeoff-chart" />
        </section>
      )}
      {convergence}
      <section className="panel" aria-labelledby="compare-trace-title">
        <h2 id="compare-trace-title">Read one crisis under a safeguard</h2>
        <TraceForm runId={runId} arms={arms} />
      </section>
    </div>
  );
}
