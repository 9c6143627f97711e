import { parquetWriteBuffer } from 'hyparquet-writer';
import type { DataTable } from './data-table.ts';

/**
 * The table as a Parquet file (for pandas, R and DuckDB): numbers as DOUBLE so they read back as
 * the same doubles --json prints, texts as UTF-8 strings, missing estimates as nulls.
 */
export function toParquet(table: DataTable): Uint8Array {
  const columnData = table.columns.map((column, i) => ({
    name: column.name,
    data: table.rows.map((row) => row[i]),
    type: column.type === 'number' ? ('DOUBLE' as const) : ('STRING' as const),
    nullable: true,
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
