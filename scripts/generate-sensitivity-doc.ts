// Regenerates docs/sensitivity.md: `npm run docs:sensitivity [-- --scale S --seed S]`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DOC_BUDGET, sensitivityMarkdown, sensitivityStudy } from './sensitivity-doc.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' } },
});
const scale = Number(values.scale);
const budget = {
  tornadoRuns: Math.round(DOC_BUDGET.tornadoRuns * scale),
  basePoints: Math.round(DOC_BUDGET.basePoints * scale),
  sobolRepetitions: DOC_BUDGET.sobolRepetitions,
  parameterSets: Math.round(DOC_BUDGET.parameterSets * scale),
  setRepetitions: DOC_BUDGET.setRepetitions,
  ratioRuns: Math.round(DOC_BUDGET.ratioRuns * scale),
  ratioBasePoints: Math.round(DOC_BUDGET.ratioBasePoints * scale),
  ratioRepetitions: DOC_BUDGET.ratioRepetitions,
};
const study = await sensitivityStudy(budget, Number(values.seed));
writeFileSync(new URL('../docs/sensitivity.md', import.meta.url), sensitivityMarkdown(study));
process.stdout.write('wrote docs/sensitivity.md\n');
