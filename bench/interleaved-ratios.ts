// Engine / reference ratios measured in alternating rounds by CPU time: on a shared machine the
// load changes from second to second, so one long timing of each gives ratios that swing ±50%
// between runs; rounds a second apart see the same conditions, and their median holds still.
import { execFileSync } from 'node:child_process';
import { analyticKernel } from './analytic-kernel.ts';

export interface RatioRounds {
  engineOverKernel: number[];
  /** Empty when python3 with numpy is not available. */
  engineOverNumpy: number[];
  /** Engine CPU microseconds per analytic trial, per round. */
  engineMicroseconds: number[];
}

const cpuSeconds = (work: () => void): number => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/**
 * `rounds` rounds of: the engine on `engineTrials` trials (`runEngine(from, to)`, warmed up by the
 * caller), the hand kernel on as many, numpy on four times as many (its own process time).
 */
export function interleavedRatios(
  runEngine: (from: number, to: number) => void,
  numpyScript: string,
  model: { l: number; f: number; m: number; days: number },
  rounds = 9,
  engineTrials = 300_000,
): RatioRounds {
  const { l, f, m, days } = model;
  const kernelTrials = engineTrials;
  const numpyTrials = 4 * engineTrials;
  const out: RatioRounds = { engineOverKernel: [], engineOverNumpy: [], engineMicroseconds: [] };
  let numpy = true;
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    const from = next;
    next += engineTrials;
    const engine = cpuSeconds(() => runEngine(from, next));
    const kernel = cpuSeconds(() => analyticKernel(kernelTrials, 11 + round, l, f, m, days));
    const engineRate = engineTrials / engine;
    out.engineMicroseconds.push((engine / engineTrials) * 1e6);
    out.engineOverKernel.push(engineRate / (kernelTrials / kernel));
    if (!numpy) continue;
    try {
      const text = execFileSync(
        'python3',
        [numpyScript, String(numpyTrials), `${l}`, `${f}`, `${m}`, `${days}`],
        { encoding: 'utf8' },
      );
      const r = JSON.parse(text) as { trials: number; cpuSeconds: number };
      out.engineOverNumpy.push(engineRate / (r.trials / r.cpuSeconds));
    } catch {
      numpy = false;
    }
  }
  return out;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}
