import type { RunResult } from '../api/types.ts';
import { number, words } from '../format/number.ts';

interface Props {
  readonly counts: RunResult['outcomes']['counts'];
}

/** The mean number per crisis of each event that explains the result, with 95% intervals. */
export function CountsTable({ counts }: Props) {
  return (
    <table data-testid="counts-table">
      <caption>Events per crisis (mean over all trials, 95% interval)</caption>
      <thead>
        <tr>
          <th scope="col">event</th>
          <th scope="col" className="num">
            mean per crisis
          </th>
          <th scope="col" className="num">
            95% interval
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(counts).map(([name, e]) => (
          <tr key={name}>
            <th scope="row">{words(name)}</th>
            <td className="num">{number(e.mean)}</td>
            <td className="num">
              {number(e.ci95[0])}–{number(e.ci95[1])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
