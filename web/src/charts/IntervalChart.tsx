import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import { PlotFigure } from './PlotFigure.tsx';
import { BASELINE_COLOUR, CHART_STYLE, RISK_COLOUR } from './style.ts';

export interface IntervalRow {
  readonly label: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Drawn in grey and bold, e.g. the baseline or the total. */
  readonly reference?: boolean;
}

interface Props {
  readonly rows: readonly IntervalRow[];
  readonly caption: string;
  readonly testId: string;
  readonly axisLabel: string;
  /** `percent` for probabilities from 0, `ratio` for risk ratios on a log axis around 1. */
  readonly scale: 'percent' | 'ratio';
}

/** Estimates as dots with their 95% intervals as whiskers, one row each, in the given order. */
export function IntervalChart({ rows, caption, testId, axisLabel, scale }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const data = rows.map((r) => ({ ...r }));
    const colour = (d: IntervalRow) => (d.reference ? BASELINE_COLOUR : RISK_COLOUR);
    const ratio = scale === 'ratio';
    // A ratio of 0 (no use in the variant) cannot sit on a log axis: clamp it to a visible floor.
    const floor = ratio ? Math.min(...data.map((d) => d.high).filter((x) => x > 0), 1) / 10 : 0;
    const at = (x: number) => (ratio ? Math.max(x, floor) : x);
    return {
      ...CHART_STYLE,
      height: 48 + 34 * data.length,
      marginLeft: 230,
      marginRight: 30,
      x: ratio
        ? { type: 'log', label: axisLabel, grid: true, tickFormat: '~g' }
        : { label: axisLabel, grid: true, percent: true, zero: true },
      y: { domain: data.map((d) => d.label), label: null },
      marks: [
        ratio ? Plot.ruleX([1], { stroke: '#333', strokeDasharray: '4 3' }) : Plot.ruleX([0]),
        Plot.ruleY(data, {
          y: 'label',
          x1: (d: IntervalRow) => at(d.low),
          x2: (d: IntervalRow) => at(d.high),
          stroke: colour,
          strokeWidth: 2.5,
        }),
        Plot.tickX(data, { y: 'label', x: (d: IntervalRow) => at(d.low), stroke: colour }),
        Plot.tickX(data, { y: 'label', x: (d: IntervalRow) => at(d.high), stroke: colour }),
        Plot.dot(data, {
          y: 'label',
          x: (d: IntervalRow) => at(d.estimate),
          fill: colour,
          r: 5,
        }),
      ],
    };
  }, [rows, axisLabel, scale]);
  return <PlotFigure options={options} caption={caption} testId={testId} maxWidth={900} />;
}
