import type { RatioTornadoResult } from '../api/types.ts';
import { number } from '../format/number.ts';

type Ci = { readonly estimate: number; readonly ci95: readonly [number, number] } | null;

const value = (v: number | string | boolean) => (typeof v === 'number' ? number(v) : String(v));
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${number(Math.abs(x), 2)}`;
/** An undefined ratio (no use without the safeguard there) is said, never shown as a number. */
const cell = (e: Ci, sign = false) =>
  e === null
    ? 'undefined'
    : `${sign ? signed(e.estimate) : number(e.estimate, 3)} [${sign ? signed(e.ci95[0]) : number(e.ci95[0], 3)}, ${sign ? signed(e.ci95[1]) : number(e.ci95[1], 3)}]`;

/** The ratio tornado's numbers: each parameter's ends, the safeguard's risk ratio there and paired changes. */
export function RatioTornadoTable({ result }: { readonly result: RatioTornadoResult }) {
  return (
    <table data-testid="ratio-tornado-table">
      <caption>
        Risk ratio of {result.safeguard} (below 1: it cuts the risk) with each parameter at its 5%
        and 95% points, the rest at baseline; changes are paired (common random numbers) with 95%
        intervals
      </caption>
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col" className="num">
            baseline
          </th>
          <th scope="col" className="num">
            ratio at 5%
          </th>
          <th scope="col" className="num">
            change
          </th>
          <th scope="col" className="num">
            ratio at 95%
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
              {value(b.low.value)} → {cell(b.low.ratio)}
            </td>
            <td className="num">{cell(b.low.change, true)}</td>
            <td className="num">
              {value(b.high.value)} → {cell(b.high.ratio)}
            </td>
            <td className="num">{cell(b.high.change, true)}</td>
            <td className="num">{cell(b.swing, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
