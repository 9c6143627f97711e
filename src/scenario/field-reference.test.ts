import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldReferenceMarkdown } from './field-reference.ts';

describe('docs/scenario-reference.md', () => {
  it('is up to date with the schema (regenerate with `npm run docs`)', () => {
    const committed = readFileSync(
      new URL('../../docs/scenario-reference.md', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(fieldReferenceMarkdown());
  });

  it('documents every leaf field with a description', () => {
    const rows = fieldReferenceMarkdown()
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(60);
    for (const r of rows) expect(r.trimEnd().endsWith('|  |'), r).toBe(false);
  });
});
