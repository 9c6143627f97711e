import type { TornadoResult } from '../api/types.ts';
import { number, percent } from '../format/number.ts';

/** Percentage points, signed, with significant digits (small swings are far below 0.01). */
export function points(x: number): string {
  if (x === 0) return '0 pts';
  return `${x > 0 ? '+' : '−'}${Math.abs(100 * x).toPrecision(2)} pts`;
}

const value = (v: number | string | boolean) => (typeof v === 'number' ? number(v) : String(v));
const change = (d: { estimate: number; ci95: readonly [number, number] }) =>
  `${points(d.estimate)} [${points(d.ci95[0])}, ${points(d.ci95[1])}]`;

/** The tornado's numbers: each parameter's ends, their probabilities and paired changes. */
export function TornadoTable({ result }: { readonly result: TornadoResult }) {
  return (
    <table data-testid="tornado-table">
      <caption>
        Each parameter at its 5% and 95% points, the rest at baseline; changes are paired (common
        random numbers) with 95% intervals
      </caption>
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col" className="num">
            baseline
          </th>
          <th scope="col" className="num">
            at 5%
          </th>
          <th scope="col" className="num">
            change
          </th>
          <th scope="col" className="num">
            at 95%
          </th>
          <th scope="col" className="num">
            change
          </th>
          <th scope="col" className="num">
            swing [95% CI]
          </th>
        </tr>
      </thead>
      <tbody>
        {result.bars.map((b) => (
          <tr key={b.parameter}>
            <th scope="row">
              <code>{b.parameter}</code>
            </th>
            <td className="num">{value(b.baseline)}</td>
            <td className="num">
              {value(b.low.value)} → {percent(b.low.estimate.p)}
            </td>
            <td className="num">{change(b.low.change)}</td>
            <td className="num">
              {value(b.high.value)} → {percent(b.high.estimate.p)}
            </td>
            <td className="num">{change(b.high.change)}</td>
            <td className="num">{change(b.swing)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
