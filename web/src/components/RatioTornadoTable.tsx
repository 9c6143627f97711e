import type { RatioTornadoResult } from '../api/types.ts';
import { number } from '../format/number.ts';
import { TornadoRowsTable } from './TornadoRowsTable.tsx';

type Ci = { readonly estimate: number; readonly ci95: readonly [number, number] } | null;

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${number(Math.abs(x), 2)}`;
const plain = (x: number) => number(x, 3);
/** An undefined ratio (no use without the safeguard there) is said, never shown as a number. */
const cell = (e: Ci, sign = false) => {
  if (e === null) return 'undefined';
  const f = sign ? signed : plain;
  return `${f(e.estimate)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;
};

/** The ratio tornado's numbers: each parameter's ends, the safeguard's risk ratio there and paired changes. */
export function RatioTornadoTable({ result }: { readonly result: RatioTornadoResult }) {
  return (
    <TornadoRowsTable
      testId="ratio-tornado-table"
      caption={`Risk ratio of ${result.safeguard} (below 1: it cuts the risk) with each parameter at its 5% and 95% points, the rest at baseline; changes are paired (common random numbers) with 95% intervals`}
      output="ratio"
      rows={result.bars.map((b) => ({
        parameter: b.parameter,
        baseline: b.baseline,
        low: { value: b.low.value, output: cell(b.low.ratio), change: cell(b.low.change, true) },
        high: {
          value: b.high.value,
          output: cell(b.high.ratio),
          change: cell(b.high.change, true),
        },
        swing: cell(b.swing, true),
      }))}
    />
  );
}
