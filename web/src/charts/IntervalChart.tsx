import { useMemo } from 'react';
import { intervalChart, type IntervalRow } from '../../../src/charts/index.ts';
import { PlotFigure } from './PlotFigure.tsx';

export type { IntervalRow } from '../../../src/charts/index.ts';

interface Props {
  readonly rows: readonly IntervalRow[];
  readonly caption: string;
  readonly testId: string;
  readonly axisLabel: string;
  /** `percent` for probabilities from 0, `ratio` for risk ratios on a log axis around 1. */
  readonly scale: 'percent' | 'ratio';
}

/** Estimates as dots with their 95% intervals as whiskers (the shared spec reports draw too). */
export function IntervalChart({ rows, caption, testId, axisLabel, scale }: Props) {
  const options = useMemo(() => intervalChart(rows, axisLabel, scale), [rows, axisLabel, scale]);
  return <PlotFigure options={options} caption={caption} testId={testId} maxWidth={900} />;
}
