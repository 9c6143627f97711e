import * as Plot from '@observablehq/plot';
import { CHART_STYLE, HIGH_COLOUR, LABEL_MARGIN, LOW_COLOUR } from './chart-style.ts';

/** An estimate with its 95% interval. */
export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** One parameter of a tornado: the paired change from the baseline at its 5% and 95% points. */
export interface TornadoRow {
  readonly label: string;
  readonly low: Interval;
  readonly high: Interval;
}

/** Pixels of one parameter's row; each end takes half of it. */
const ROW = 40;

/**
 * A tornado: per parameter (widest swing first, as given) a bar from 0 to the change at its 5%
 * point (upper half, blue) and at its 95% point (lower half, orange), each with its paired 95%
 * interval as a whisker; changes in percentage points of the outcome's probability, or (with
 * `percent` false) in the plain units of a risk ratio.
 */
export function tornadoChart(
  rows: readonly TornadoRow[],
  axisLabel: string,
  percent = true,
): Plot.PlotOptions {
  const ends = rows.flatMap((r) => [
    { label: r.label, end: '5% point', ...r.low, dy: -ROW / 4, top: 0, bottom: ROW / 2 },
    { label: r.label, end: '95% point', ...r.high, dy: ROW / 4, top: ROW / 2, bottom: 0 },
  ]);
  type End = (typeof ends)[number];
  const colour = (d: End) => (d.end === '5% point' ? LOW_COLOUR : HIGH_COLOUR);
  const half = (which: '5% point' | '95% point') => ends.filter((d) => d.end === which);
  const bars = (
    which: '5% point' | '95% point',
    inset: { insetTop: number; insetBottom: number },
  ) =>
    Plot.barX(half(which), {
      y: 'label',
      x1: 0,
      x2: 'estimate',
      fill: colour,
      fillOpacity: 0.55,
      ...inset,
    });
  const whiskers = (which: '5% point' | '95% point', dy: number) =>
    Plot.ruleY(half(which), { y: 'label', x1: 'low', x2: 'high', stroke: colour, dy });
  return {
    ...CHART_STYLE,
    height: 56 + ROW * rows.length,
    marginLeft: LABEL_MARGIN,
    marginRight: 30,
    x: { label: axisLabel, grid: true, percent },
    y: { domain: rows.map((r) => r.label), label: null, padding: 0.1 },
    marks: [
      bars('5% point', { insetTop: 2, insetBottom: ROW / 2 - 2 }),
      bars('95% point', { insetTop: ROW / 2 - 2, insetBottom: 2 }),
      whiskers('5% point', -ROW / 4 + 1),
      whiskers('95% point', ROW / 4 - 1),
      Plot.ruleX([0], { stroke: '#333' }),
    ],
  };
}
