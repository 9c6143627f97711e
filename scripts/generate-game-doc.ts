// Regenerates docs/delegation-game.md: `npm run docs:game [-- --runs N --resamples R --parameter-sets K --parameter-runs M --seed S]`.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DOC_BUDGET, gameMarkdown, gameStudy } from './game-doc.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: String(DOC_BUDGET.runs) },
    resamples: { type: 'string', default: String(DOC_BUDGET.resamples) },
    'parameter-sets': { type: 'string', default: String(DOC_BUDGET.parameterSets) },
    'parameter-runs': { type: 'string', default: String(DOC_BUDGET.parameterRuns) },
    seed: { type: 'string', default: '1' },
  },
});
const budget = {
  runs: Number(values.runs),
  resamples: Number(values.resamples),
  parameterSets: Number(values['parameter-sets']),
  parameterRuns: Number(values['parameter-runs']),
  workers: availableParallelism(),
};
const study = await gameStudy(budget, Number(values.seed));
writeFileSync(new URL('../docs/delegation-game.md', import.meta.url), gameMarkdown(study));
process.stdout.write('wrote docs/delegation-game.md\n');
