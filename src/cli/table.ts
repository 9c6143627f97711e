/** One column of a text table: its header and how its cells line up. */
export interface Column {
  readonly header: string;
  /** Numbers line up on the right, words on the left. Default 'left'. */
  readonly align?: 'left' | 'right';
}

/** Two spaces between columns, whatever their content: cells never run together. */
const GUTTER = '  ';

/**
 * Lays out rows under their headers, each column as wide as its widest cell; the last column is
 * not padded so lines carry no trailing spaces.
 */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string[] {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        if (c.align === 'right') return cell.padStart(widths[i]);
        return i === columns.length - 1 ? cell : cell.padEnd(widths[i]);
      })
      .join(GUTTER)}`.trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
