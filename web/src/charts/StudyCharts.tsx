import { useMemo } from 'react';
import {
  bandChart,
  sobolChart,
  tornadoChart,
  type BandRow,
  type SobolRow,
  type TornadoRow,
} from '../../../src/charts/index.ts';
import { PlotFigure } from './PlotFigure.tsx';

interface Props<Row> {
  readonly rows: readonly Row[];
  readonly caption: string;
  readonly testId: string;
}

/** A tornado of paired changes from the baseline (the shared spec reports draw too). */
export function TornadoChart({
  rows,
  caption,
  testId,
  axisLabel,
  percent = true,
}: Props<TornadoRow> & {
  readonly axisLabel: string;
  /** Changes in percentage points (a probability) or plain units (a risk ratio). Default true. */
  readonly percent?: boolean;
}) {
  const options = useMemo(() => tornadoChart(rows, axisLabel, percent), [rows, axisLabel, percent]);
  return <PlotFigure options={options} caption={caption} testId={testId} maxWidth={900} />;
}

/** First- and total-order Sobol indices with their bootstrap intervals. */
export function SobolChart({ rows, caption, testId }: Props<SobolRow>) {
  const options = useMemo(() => sobolChart(rows), [rows]);
  return <PlotFigure options={options} caption={caption} testId={testId} maxWidth={900} />;
}

/** The band of a probability over the uncertain parameters, beside the run's own interval. */
export function BandChart({
  rows,
  caption,
  testId,
  axisLabel,
}: Props<BandRow> & {
  readonly axisLabel: string;
}) {
  const options = useMemo(() => bandChart(rows, axisLabel), [rows, axisLabel]);
  return <PlotFigure options={options} caption={caption} testId={testId} maxWidth={900} />;
}
