import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { ProgressSample } from '../api/types.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { CHART_STYLE, RISK_COLOUR } from './style.ts';

interface Props {
  readonly samples: readonly ProgressSample[];
}

/** P(nuclear use) and its 95% interval against trials done: the band narrows as trials accrue. */
export function ConvergenceChart({ samples }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const data = samples.map((s) => ({ ...s }));
    const planned = data.at(-1)?.planned ?? 1;
    return {
      ...CHART_STYLE,
      height: 260,
      marginLeft: 60,
      x: { label: 'trials done', domain: [0, planned], grid: true },
      y: { label: 'P(nuclear use)', percent: true, zero: true, grid: true },
      marks: [
        Plot.areaY(data, {
          x: 'done',
          y1: 'low',
          y2: 'high',
          fill: RISK_COLOUR,
          fillOpacity: 0.15,
        }),
        Plot.lineY(data, { x: 'done', y: 'low', stroke: RISK_COLOUR, strokeOpacity: 0.4 }),
        Plot.lineY(data, { x: 'done', y: 'high', stroke: RISK_COLOUR, strokeOpacity: 0.4 }),
        Plot.lineY(data, { x: 'done', y: 'p', stroke: RISK_COLOUR, strokeWidth: 2 }),
        Plot.dot(data, { x: 'done', y: 'p', fill: RISK_COLOUR, r: 2.5 }),
        Plot.ruleY([0]),
      ],
    };
  }, [samples]);
  return (
    <PlotFigure
      options={options}
      caption="Convergence: the estimate (line) and its 95% interval (band) after each chunk of trials."
      testId="convergence-chart"
    />
  );
}
