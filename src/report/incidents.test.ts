import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIncidents } from './incidents.ts';

const HEADER =
  'id,date,country,category,description,resolved_by,source,mechanism,informs,record_stage';

describe('parseIncidents', () => {
  it('reads the bundled record: every row, quoted commas and newlines included', () => {
    const text = readFileSync(new URL('../../data/incidents.csv', import.meta.url), 'utf8');
    const incidents = parseIncidents(text);
    expect(incidents.length).toBe(text.split('\nCC').length - 1);
    expect(incidents[0].id).toBe('CC01');
    expect(incidents.every((i) => i.mechanism !== '' && i.source !== '')).toBe(true);
  });

  it('names the line and field of a bad row', () => {
    const csv = `${HEADER}\nCC01,1960,US,c,"a, b",r,s,m,i,st\nXX,1961,US,c,d,r,s,m,i,st\n`;
    expect(() => parseIncidents(csv, 'x.csv')).toThrow(/^x\.csv: row 3, id: /);
    expect(parseIncidents(csv.split('\nXX')[0])[0].description).toBe('a, b');
  });
});
