import * as Plot from '@observablehq/plot';
import { BASELINE_COLOUR, CHART_STYLE, LABEL_MARGIN, RISK_COLOUR } from './chart-style.ts';
import type { Interval } from './tornado-chart.ts';

/** One outcome's spread over the uncertain parameters, each figure with its Monte Carlo interval. */
export interface BandRow {
  readonly label: string;
  readonly p05: Interval;
  readonly median: Interval;
  readonly p95: Interval;
  /** The headline with Monte Carlo error only (the run's interval), drawn in grey above. */
  readonly run?: Interval;
}

const ROW = 42;

/**
 * The parameter-uncertainty band: per outcome a thick bar from the 5% to the 95% point over the
 * parameters, thin whiskers out to those points' own 95% intervals, and the median as a dot with
 * its interval; with `run`, the Monte Carlo interval of the run itself in grey beside it, so the
 * two kinds of uncertainty read side by side.
 */
export function bandChart(rows: readonly BandRow[], axisLabel: string): Plot.PlotOptions {
  const data = rows.map((r) => ({ ...r }));
  type Row = (typeof data)[number];
  const runs = data.flatMap((r) => (r.run === undefined ? [] : [{ label: r.label, ...r.run }]));
  return {
    ...CHART_STYLE,
    height: 56 + ROW * rows.length,
    marginLeft: LABEL_MARGIN,
    marginRight: 30,
    x: { label: axisLabel, grid: true, percent: true, zero: true },
    y: { domain: data.map((d) => d.label), label: null },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(data, {
        y: 'label',
        x1: (d: Row) => d.p05.low,
        x2: (d: Row) => d.p95.high,
        stroke: RISK_COLOUR,
        strokeWidth: 1,
      }),
      Plot.ruleY(data, {
        y: 'label',
        x1: (d: Row) => d.p05.estimate,
        x2: (d: Row) => d.p95.estimate,
        stroke: RISK_COLOUR,
        strokeOpacity: 0.35,
        strokeWidth: 12,
      }),
      Plot.ruleY(data, {
        y: 'label',
        x1: (d: Row) => d.median.low,
        x2: (d: Row) => d.median.high,
        stroke: RISK_COLOUR,
        strokeWidth: 3,
      }),
      Plot.dot(data, { y: 'label', x: (d: Row) => d.median.estimate, fill: RISK_COLOUR, r: 5 }),
      Plot.ruleY(runs, {
        y: 'label',
        x1: 'low',
        x2: 'high',
        stroke: BASELINE_COLOUR,
        strokeWidth: 2,
        dy: -ROW / 3,
      }),
      Plot.dot(runs, { y: 'label', x: 'estimate', fill: BASELINE_COLOUR, r: 3.5, dy: -ROW / 3 }),
    ],
  };
}
