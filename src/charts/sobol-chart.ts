import * as Plot from '@observablehq/plot';
import { CHART_STYLE, HIGH_COLOUR, LABEL_MARGIN, LOW_COLOUR } from './chart-style.ts';
import type { Interval } from './tornado-chart.ts';

/** One parameter's Sobol indices with their bootstrap intervals. */
export interface SobolRow {
  readonly label: string;
  readonly first: Interval;
  readonly total: Interval;
}

const ROW = 36;

/**
 * Sobol indices: per parameter (as given, largest total first) the first-order index (upper dot,
 * blue) and the total-order index (lower dot, orange), each with its interval as a whisker, on an
 * axis from 0 to 1 (widened when an interval reaches past either end).
 */
export function sobolChart(rows: readonly SobolRow[]): Plot.PlotOptions {
  const dots = rows.flatMap((r) => [
    { label: r.label, order: 'first order', ...r.first, dy: -ROW / 6 },
    { label: r.label, order: 'total order', ...r.total, dy: ROW / 6 },
  ]);
  type Dot = (typeof dots)[number];
  const colour = (d: Dot) => (d.order === 'first order' ? LOW_COLOUR : HIGH_COLOUR);
  let lo = 0;
  let hi = 1;
  for (const d of dots) {
    if (d.low < lo) lo = d.low;
    if (d.high > hi) hi = d.high;
  }
  const marks = (order: Dot['order'], dy: number) => {
    const data = dots.filter((d) => d.order === order);
    return [
      Plot.ruleY(data, { y: 'label', x1: 'low', x2: 'high', stroke: colour, strokeWidth: 2, dy }),
      Plot.dot(data, { y: 'label', x: 'estimate', fill: colour, r: 4.5, dy }),
    ];
  };
  return {
    ...CHART_STYLE,
    height: 56 + ROW * rows.length,
    marginLeft: LABEL_MARGIN,
    marginRight: 30,
    x: {
      label: 'Sobol index (share of the variance of the probability)',
      grid: true,
      domain: [lo, hi],
    },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [
      Plot.ruleX([0], { stroke: '#333' }),
      ...marks('first order', -ROW / 6),
      ...marks('total order', ROW / 6),
    ],
  };
}
