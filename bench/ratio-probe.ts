// Child process of `npm run bench`: the analytic scenario's engine / kernel / numpy rounds in a
// process that runs nothing else, as a `petrov run` worker runs one scenario. In the bench's own
// process they followed the Korean runs, whose paths leave the engine's optimised code general
// (some processes then ran the analytic trials ~40% slower); prints the rounds as JSON.
import { fileURLToPath } from 'node:url';
import { simulatorFor } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';
import { engineChunk } from './engine-chunk.ts';
import { interleavedRatios } from './interleaved-ratios.ts';

const [l, f, m, days] = process.argv.slice(2, 6).map(Number);
const rounds = Number(process.argv[6]);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const loaded = loadScenarioFile(here('../scenarios/analytic-single-sensor.yaml'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const sim = simulatorFor(loaded.value.scenario);
const sums = new Float64Array(3);
// Warm-up as long as a round, so the first round meets optimised code.
for (let t = 0; t < 300_000; t += 65_536) engineChunk(sim, t, Math.min(300_000, t + 65_536), sums);
const out = interleavedRatios(
  (from, to) => {
    for (let t = from; t < to; t += 65_536) engineChunk(sim, t, Math.min(to, t + 65_536), sums);
  },
  here('./analytic_numpy.py'),
  { l, f, m, days },
  rounds,
);
process.stdout.write(`${JSON.stringify(out)}\n`);
