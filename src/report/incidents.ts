import { parse } from 'csv-parse/sync';
import { z } from 'zod';

const text = z.string().max(5000);

/** One historical close call of the bundled record (data/incidents.csv), with what it informs. */
export const incidentSchema = z.strictObject({
  id: z.string().regex(/^CC\d+$/),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?/),
  country: text,
  category: text,
  description: text,
  resolved_by: text,
  source: text,
  mechanism: text,
  informs: text,
  record_stage: text,
});
export type Incident = z.infer<typeof incidentSchema>;

/**
 * The incidents of a CSV text (RFC 4180, by csv-parse), each checked against the schema; a bad
 * row is an error naming its line and field, never a row silently dropped.
 */
export function parseIncidents(csv: string, source = 'incidents.csv'): Incident[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.map((row, i) => {
    const parsed = incidentSchema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: row ${i + 2}, ${issue.path.join('.') || 'row'}: ${issue.message}`);
  });
}
