// Child process of `npm run bench`: runs the Korean baseline through the runner (all workers) for
// the number of trials given and prints its own peak resident memory, so the bench can show that
// memory does not grow with the number of trials.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { simulate } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';

const runs = Number(process.argv[2]);
const loaded = loadScenarioFile(
  fileURLToPath(new URL('../scenarios/korean-peninsula-2026.yaml', import.meta.url)),
);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
await simulate(loaded.value, { runs, workers: availableParallelism() });
process.stdout.write(
  `${JSON.stringify({ runs, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
