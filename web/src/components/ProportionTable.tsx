import type { ProportionEstimate } from '../api/types.ts';
import { percent, words } from '../format/number.ts';

interface Props {
  readonly rows: Readonly<Record<string, ProportionEstimate>>;
  readonly caption: string;
  readonly label: string;
  readonly testId: string;
}

/** Probabilities by category, each with its standard error and 95% interval. */
export function ProportionTable({ rows, caption, label, testId }: Props) {
  return (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="num">
            probability
          </th>
          <th scope="col" className="num">
            ± s.e.
          </th>
          <th scope="col" className="num">
            95% interval
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(rows).map(([name, e]) => (
          <tr key={name}>
            <th scope="row">{words(name)}</th>
            <td className="num">{percent(e.p)}</td>
            <td className="num">{percent(e.stderr)}</td>
            <td className="num">
              {percent(e.ci95[0])}–{percent(e.ci95[1])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
