import * as Plot from '@observablehq/plot';
import { BASELINE_COLOUR, CHART_STYLE, LABEL_MARGIN, RISK_COLOUR } from './chart-style.ts';

/** One row of an interval chart: an estimate and its 95% interval. */
export interface IntervalRow {
  readonly label: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Drawn in grey, e.g. the baseline or the total. Default false. */
  readonly reference?: boolean;
}

/**
 * Estimates as dots with 95% whiskers, one row each in the given order; `percent` from 0 for
 * probabilities, `ratio` on a log axis around 1 for risk ratios. Plot options without a width:
 * the web app sets it from its container, reports from the page.
 */
export function intervalChart(
  rows: readonly IntervalRow[],
  axisLabel: string,
  scale: 'percent' | 'ratio',
): Plot.PlotOptions {
  const data = rows.map((r) => ({ ...r }));
  const colour = (d: IntervalRow) => (d.reference === true ? BASELINE_COLOUR : RISK_COLOUR);
  const ratio = scale === 'ratio';
  let smallest = 1;
  for (const d of data) if (d.high > 0 && d.high < smallest) smallest = d.high;
  // A ratio of 0 (no use in the variant) cannot sit on a log axis: clamp it to a visible floor.
  const at = (x: number) => (ratio ? Math.max(x, smallest / 10) : x);
  return {
    ...CHART_STYLE,
    height: 48 + 34 * data.length,
    marginLeft: LABEL_MARGIN,
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
      Plot.dot(data, { y: 'label', x: (d: IntervalRow) => at(d.estimate), fill: colour, r: 5 }),
    ],
  };
}
