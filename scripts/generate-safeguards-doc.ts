// Regenerates docs/safeguards.md: `npm run docs:safeguards [-- --runs N --seed S]`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { safeguardsComparison, safeguardsMarkdown } from './safeguards-doc.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '40000' }, seed: { type: 'string', default: '1' } },
});
const result = await safeguardsComparison(Number(values.runs), Number(values.seed));
writeFileSync(new URL('../docs/safeguards.md', import.meta.url), safeguardsMarkdown(result));
process.stdout.write(`wrote docs/safeguards.md (${result.runs} trials per variant)\n`);
