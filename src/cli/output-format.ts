import { Option, type Command } from 'commander';
import { InputError, toCsv, type DataTable } from '../index.ts';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatFlags {
  format: OutputFormat;
  json?: boolean;
}

/** `--format table|json|csv` (default table) and `--json`, kept as its alias. */
export function addFormatOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--format <format>',
        'table for people, json (one document) or csv (tidy rows for pandas, R, DuckDB)',
      )
        .choices(OUTPUT_FORMATS)
        .default('table'),
    )
    .option('--json', 'print one JSON document instead of the table (same as --format json)');
}

/** The format asked for; `--json` with another `--format` is a contradiction, not a guess. */
export function outputFormat(flags: FormatFlags): OutputFormat {
  if (flags.json !== true) return flags.format;
  if (flags.format !== 'table' && flags.format !== 'json') {
    throw new InputError([
      { path: '--json', message: `conflicts with --format ${flags.format}; give one of them` },
    ]);
  }
  return 'json';
}

/** The result as the chosen format: the table text, the `--json` document or CSV rows. */
export function rendered(
  format: OutputFormat,
  result: unknown,
  text: () => string,
  rows: () => DataTable,
): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return toCsv(rows());
  return text();
}
