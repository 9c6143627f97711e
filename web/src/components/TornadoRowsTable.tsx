import type { ReactNode } from 'react';
import { number } from '../format/number.ts';

/** One end of a tornado bar as shown: the parameter's value, the output there, its paired change. */
export interface TornadoEndCells {
  readonly value: number | string | boolean;
  readonly output: string;
  readonly change: string;
}

/** One parameter's row of a tornado table, its cells already formatted. */
export interface TornadoRow {
  readonly parameter: string;
  readonly baseline: number | string | boolean;
  readonly low: TornadoEndCells;
  readonly high: TornadoEndCells;
  readonly swing: string;
}

const value = (v: number | string | boolean) => (typeof v === 'number' ? number(v) : String(v));

/**
 * The table every tornado is shown in: each parameter at its 5% and 95% points with the output
 * (`output` names it in the headers) and its paired change there, and the swing.
 */
export function TornadoRowsTable(props: {
  readonly testId: string;
  readonly caption: ReactNode;
  /** What the output columns hold, e.g. "ratio" (headers read "ratio at 5%"); default none. */
  readonly output?: string;
  readonly rows: readonly TornadoRow[];
}) {
  const at = props.output === undefined ? 'at' : `${props.output} at`;
  return (
    <table data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col" className="num">
            baseline
          </th>
          <th scope="col" className="num">
            {at} 5%
          </th>
          <th scope="col" className="num">
            change
          </th>
          <th scope="col" className="num">
            {at} 95%
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
        {props.rows.map((r) => (
          <tr key={r.parameter}>
            <th scope="row">
              <code>{r.parameter}</code>
            </th>
            <td className="num">{value(r.baseline)}</td>
            <td className="num">
              {value(r.low.value)} → {r.low.output}
            </td>
            <td className="num">{r.low.change}</td>
            <td className="num">
              {value(r.high.value)} → {r.high.output}
            </td>
            <td className="num">{r.high.change}</td>
            <td className="num">{r.swing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
