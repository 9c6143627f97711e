// Regenerates docs/scenario-reference.md from the schema: `npm run docs`.
import { writeFileSync } from 'node:fs';
import { fieldReferenceMarkdown } from '../src/scenario/index.ts';

writeFileSync(new URL('../docs/scenario-reference.md', import.meta.url), fieldReferenceMarkdown());
process.stdout.write('wrote docs/scenario-reference.md\n');
