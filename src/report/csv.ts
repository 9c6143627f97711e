import type { Cell, DataTable } from './data-table.ts';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(cell: Cell): string {
  if (cell === null) return '';
  // String(x) is the shortest text that reads back as the same double: numbers match --json.
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV with a header line, CRLF line ends (RFC 4180) and a final line end. */
export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => field(c.name)), ...table.rows.map((r) => r.map(field))];
  return lines.map((l) => `${l.join(',')}\r\n`).join('');
}
