import type { SobolResult } from '../api/types.ts';
import { number } from '../format/number.ts';

const index = (e: { estimate: number; ci: readonly [number, number] }) =>
  `${number(e.estimate, 2)} [${number(e.ci[0], 2)}, ${number(e.ci[1], 2)}]`;

/** Sobol indices with their bootstrap intervals, largest total order first. */
export function SobolTable({ result }: { readonly result: SobolResult }) {
  const level = Math.round(100 * result.level);
  return (
    <table data-testid="sobol-table">
      <caption>
        Share of the variance of the probability over the parameters (inner Monte Carlo noise
        removed), with bootstrap {level}% intervals
      </caption>
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col" className="num">
            first order [{level}% CI]
          </th>
          <th scope="col" className="num">
            total order [{level}% CI]
          </th>
        </tr>
      </thead>
      <tbody>
        {result.indices.map((i) => (
          <tr key={i.parameter}>
            <th scope="row">
              <code>{i.parameter}</code>
            </th>
            <td className="num">{index(i.first)}</td>
            <td className="num">{index(i.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
