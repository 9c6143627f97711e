import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import { PlotFigure } from './PlotFigure.tsx';
import { CHART_STYLE, RISK_COLOUR } from './style.ts';

/** One safeguard's paired changes on both axes of the always/never dilemma, with 95% intervals. */
export interface TradeoffPoint {
  readonly label: string;
  /** Change in P(accidental use), variant − baseline, and its interval. */
  readonly use: readonly [number, number, number];
  /** Change in P(a genuine attack goes unanswered), variant − baseline, and its interval. */
  readonly unanswered: readonly [number, number, number];
}

interface Props {
  readonly points: readonly TradeoffPoint[];
  readonly testId: string;
}

/**
 * Every safeguard as a cross: left of zero it cuts accidental use, below zero it leaves fewer
 * genuine attacks unanswered. Upper left is the trade the always/never dilemma warns of.
 */
export function TradeoffChart({ points, testId }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const data = points.map((p) => ({ ...p }));
    return {
      ...CHART_STYLE,
      height: 380,
      marginLeft: 70,
      marginRight: 40,
      x: { label: 'change in P(nuclear use) per crisis →', grid: true, percent: true },
      y: { label: '↑ change in P(genuine attack unanswered)', grid: true, percent: true },
      marks: [
        Plot.ruleX([0], { stroke: '#333' }),
        Plot.ruleY([0], { stroke: '#333' }),
        Plot.ruleY(data, {
          y: (d: TradeoffPoint) => d.unanswered[0],
          x1: (d: TradeoffPoint) => d.use[1],
          x2: (d: TradeoffPoint) => d.use[2],
          stroke: RISK_COLOUR,
          strokeOpacity: 0.6,
        }),
        Plot.ruleX(data, {
          x: (d: TradeoffPoint) => d.use[0],
          y1: (d: TradeoffPoint) => d.unanswered[1],
          y2: (d: TradeoffPoint) => d.unanswered[2],
          stroke: RISK_COLOUR,
          strokeOpacity: 0.6,
        }),
        Plot.dot(data, {
          x: (d: TradeoffPoint) => d.use[0],
          y: (d: TradeoffPoint) => d.unanswered[0],
          fill: RISK_COLOUR,
          r: 4,
        }),
        Plot.text(data, {
          x: (d: TradeoffPoint) => d.use[0],
          y: (d: TradeoffPoint) => d.unanswered[0],
          text: 'label',
          dx: 8,
          dy: -8,
          textAnchor: 'start',
        }),
      ],
    };
  }, [points]);
  return (
    <PlotFigure
      options={options}
      caption="Both sides of the dilemma: each safeguard's paired change in accidental-use risk (across) and in the risk that a genuine attack goes unanswered (up), with 95% intervals. Upper left cuts one risk by raising the other."
      testId={testId}
      maxWidth={900}
    />
  );
}
