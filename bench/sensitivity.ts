// Sensitivity benches on the Korean scenario: a tornado of every declared parameter, and Sobol
// first- and total-order indices of the 12 with the widest swings (4,000 base points: 2,000 gave
// a widest half-width of 0.058-0.065, and it shrinks as 1/sqrt(N)), timed, with the widest
// half-width of their bootstrap 95% intervals (target ≤ 0.05; goal under 5 minutes on 2 cores).
import { sobol, tornado } from '../src/runner/index.ts';
import { withChanges, type LoadedScenario } from '../src/scenario/index.ts';

export interface SensitivityBench {
  readonly tornado: { parameters: number; runsPerArm: number; seconds: number };
  readonly sobol: {
    parameters: number;
    basePoints: number;
    repetitions: number;
    trials: number;
    seconds: number;
    widestHalfWidth: number;
  };
}

export async function sensitivityBench(
  korea: LoadedScenario,
  workers: number,
  basePoints = 4_000,
  repetitions = 100,
): Promise<SensitivityBench> {
  let start = performance.now();
  const bars = await tornado(korea, { runs: 10_000, workers });
  const tornadoSeconds = (performance.now() - start) / 1000;
  const kept = bars.bars.slice(0, 12).map((b) => b.parameter);
  const subset = Object.fromEntries(kept.map((p) => [p, korea.scenario.uncertainty[p]]));
  const screened = withChanges(korea, [{ path: ['uncertainty'], value: subset }], 'bench');
  if (!screened.ok) throw new Error(JSON.stringify(screened.issues));
  start = performance.now();
  const indices = await sobol(screened.value, { basePoints, repetitions, workers });
  const half = (e: { ci: readonly [number, number] }) => (e.ci[1] - e.ci[0]) / 2;
  return {
    tornado: { parameters: bars.bars.length, runsPerArm: bars.runs, seconds: tornadoSeconds },
    sobol: {
      parameters: indices.indices.length,
      basePoints,
      repetitions,
      trials: indices.runs,
      seconds: (performance.now() - start) / 1000,
      widestHalfWidth: Math.max(...indices.indices.flatMap((i) => [half(i.first), half(i.total)])),
    },
  };
}
