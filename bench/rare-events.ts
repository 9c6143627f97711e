// The rare-event part of `npm run bench`: importance sampling against plain Monte Carlo on the
// analytic scenario at p ≈ 1e-4 and 1e-6, measured in the same run (docs/rare-events.md).
import { fileURLToPath } from 'node:url';
import { agentsFor } from '../src/agents/index.ts';
import { compileModel, Simulator } from '../src/engine/index.ts';
import { simulate } from '../src/runner/index.ts';
import { localPilot, searchTilt } from '../src/runner/tilt-search.ts';
import { loadScenarioFile, type LoadedScenario } from '../src/scenario/index.ts';

/** One probability's comparison; every figure is measured here except where it says projected. */
export interface RareEventRow {
  readonly exact: number;
  /** Plain Monte Carlo: seconds per trial, and the per-trial variance p(1 − p) of its indicator. */
  readonly plainSecondsPerTrial: number;
  readonly plainVariance: number;
  /** Importance sampling with a fixed tilt: seconds per trial and the per-trial variance of w·y. */
  readonly isSecondsPerTrial: number;
  readonly isVariance: number;
  readonly searchSeconds: number;
  /** (plain variance × plain time) / (IS variance × IS time): the work-normalised gain. */
  readonly workNormalisedGain: number;
  /** Wall time of `simulate --method is --target-rel-error 0.1` end to end, search included. */
  readonly isSecondsTo10Percent: number;
  readonly isEstimate: { readonly p: number; readonly stderr: number; readonly covers: boolean };
  /** Trials plain sampling needs for 10% relative error, (1 − p) / (0.01 p), times its speed. */
  readonly plainSecondsTo10PercentProjected: number;
}

const FILE = fileURLToPath(new URL('../scenarios/analytic-single-sensor.yaml', import.meta.url));
// l f T = 2 × 0.05 × 30 = 3: a miss probability m gives p = 1 − e^(−3m).
const missFor = (p: number) => -Math.log1p(-p) / 3;

function load(p: number): LoadedScenario {
  const r = loadScenarioFile(FILE, [`actors.solo.human.catchProbability=${1 - missFor(p)}`]);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Per-trial time and variance of w·y for a simulator, over `trials` trials. */
function measure(sim: Simulator, trials: number): { seconds: number; variance: number } {
  let s1 = 0;
  let s2 = 0;
  const start = performance.now();
  for (let t = 0; t < trials; t++) {
    const o = sim.run(9, t);
    if (o.nuclearUse === 1) {
      const w = Math.exp(o.logWeight);
      s1 += w;
      s2 += w * w;
    }
  }
  const seconds = (performance.now() - start) / 1000 / trials;
  const mean = s1 / trials;
  return { seconds, variance: s2 / trials - mean * mean };
}

export async function rareEventBench(workers: number): Promise<RareEventRow[]> {
  const rows: RareEventRow[] = [];
  for (const target of [1e-4, 1e-6]) {
    const loaded = load(target);
    const exact = -Math.expm1(-3 * missFor(target));
    const model = compileModel(loaded.scenario);
    const agents = agentsFor(loaded.scenario, model);
    const plain = measure(new Simulator(model, agents), 1_000_000);
    const searchStart = performance.now();
    const { tilt } = await searchTilt(model, localPilot(model, agents, 1));
    const searchSeconds = (performance.now() - searchStart) / 1000;
    const weighted = measure(new Simulator(model, agents, tilt), 200_000);
    const plainVariance = exact * (1 - exact);
    const start = performance.now();
    const run = await simulate(loaded, { method: 'is', targetRelError: 0.1, workers });
    const isSecondsTo10Percent = (performance.now() - start) / 1000;
    const use = run.outcomes.nuclearUse;
    rows.push({
      exact,
      plainSecondsPerTrial: plain.seconds,
      plainVariance,
      isSecondsPerTrial: weighted.seconds,
      isVariance: weighted.variance,
      searchSeconds,
      workNormalisedGain: (plainVariance * plain.seconds) / (weighted.variance * weighted.seconds),
      isSecondsTo10Percent,
      isEstimate: {
        p: use.p,
        stderr: use.stderr,
        covers: Math.abs(use.p - exact) <= 1.959963984540054 * use.stderr,
      },
      plainSecondsTo10PercentProjected: ((1 - exact) / (0.01 * exact)) * plain.seconds,
    });
  }
  return rows;
}
