/** A cell of an exported table: a number, a text, or nothing (an estimate that does not exist). */
export type Cell = string | number | null;

/** One column of an exported table and the type a reader should give it. */
export interface DataColumn {
  readonly name: string;
  readonly type: 'string' | 'number';
}

/**
 * Tidy rows for pandas, R and DuckDB: the one shape every export (CSV, Parquet) writes, so each
 * result is turned into rows once.
 */
export interface DataTable {
  readonly columns: readonly DataColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Columns from `[name, type]` pairs. */
export function columns(
  ...specs: readonly (readonly [string, DataColumn['type']])[]
): DataColumn[] {
  return specs.map(([name, type]) => ({ name, type }));
}
