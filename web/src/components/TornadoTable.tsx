import type { TornadoResult } from '../api/types.ts';
import { percent } from '../format/number.ts';
import { TornadoRowsTable } from './TornadoRowsTable.tsx';

/** Percentage points, signed, with significant digits (small swings are far below 0.01). */
export function points(x: number): string {
  if (x === 0) return '0 pts';
  return `${x > 0 ? '+' : '−'}${Math.abs(100 * x).toPrecision(2)} pts`;
}

const change = (d: { estimate: number; ci95: readonly [number, number] }) =>
  `${points(d.estimate)} [${points(d.ci95[0])}, ${points(d.ci95[1])}]`;

/** The tornado's numbers: each parameter's ends, their probabilities and paired changes. */
export function TornadoTable({ result }: { readonly result: TornadoResult }) {
  return (
    <TornadoRowsTable
      testId="tornado-table"
      caption="Each parameter at its 5% and 95% points, the rest at baseline; changes are paired (common random numbers) with 95% intervals"
      rows={result.bars.map((b) => ({
        parameter: b.parameter,
        baseline: b.baseline,
        low: {
          value: b.low.value,
          output: percent(b.low.estimate.p),
          change: change(b.low.change),
        },
        high: {
          value: b.high.value,
          output: percent(b.high.estimate.p),
          change: change(b.high.change),
        },
        swing: change(b.swing),
      }))}
    />
  );
}
