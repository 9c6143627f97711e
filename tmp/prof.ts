import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/scenario/index.ts';
for (const f of process.argv.slice(2)) {
  const t = readFileSync(f, 'utf8');
  const s = performance.now();
  const r = loadScenarioText(t);
  console.log(f, (performance.now() - s).toFixed(0), 'ms', r.ok ? 'ok' : r.issues.length);
}
