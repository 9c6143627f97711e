/**
 * Child process for the concurrency test: waits until the given time, so that every child opens
 * the fresh store within the same millisecond or so, then records one run, as `petrov run` does.
 * Usage: node bin/run-ts.mjs test/helpers/record-at.ts DB EPOCH_MS
 */
import { RunStore } from '../../src/store/index.ts';

const [path, at] = process.argv.slice(2);
const start = Number(at);
// Sleep most of the wait (the machine is shared), then spin: a timer alone would spread them out.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - Date.now() - 20)));
while (Date.now() < start);
const store = RunStore.open(path);
const id = store.start({
  kind: 'run',
  scenarioName: 'concurrent',
  scenarioHash: 'h',
  scenarioText: 'name: concurrent',
  options: {
    source: 'test',
    sets: [],
    safeguards: [],
    runs: 1,
    targetRelError: null,
    maxRuns: null,
  },
  seed: 1,
  version: 'test',
});
store.close();
process.stdout.write(`${id}\n`);
