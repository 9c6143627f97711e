// Regenerates docs/calibration.md: `npm run docs:calibration [-- --scale S --seed S]`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { calibrationMarkdown, calibrationStudy, DOC_BUDGET } from './calibration-doc.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' } },
});
const scale = Number(values.scale);
const budget = { ...DOC_BUDGET, draws: Math.round(DOC_BUDGET.draws * scale) };
const study = await calibrationStudy(budget, Number(values.seed));
writeFileSync(new URL('../docs/calibration.md', import.meta.url), calibrationMarkdown(study));
process.stdout.write('wrote docs/calibration.md\n');
