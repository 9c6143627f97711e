import { agentsFor } from '../agents/index.ts';
import { Simulator, type CompiledModel, type Tilt } from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import { chunkExecutor } from './chunk-executor.ts';
import type { WorkerPool } from './worker-pool.ts';
import { pilotChunk, type EliteSums, type PilotRunner } from './tilt-search.ts';
import { tiltToJson, type TiltJson } from './tilt-spec.ts';

/**
 * Runs the tilt search's pilot trials on the run's executor: in this thread, or on worker threads
 * (`workers` > 1, or `offThread` so a server keeps answering). Pieces of a round go out together
 * under one tilt and come back as sums the search merges in order.
 */
export function pilotExecutor(
  scenario: ResolvedScenario,
  hash: string,
  model: CompiledModel,
  seed: number,
  workers: number,
  offThread = false,
  /** Long-lived worker threads to use instead of starting some (see simulate's `pool`). */
  pool?: WorkerPool,
  /** Cap on events per pilot trial; default the engine's. */
  maxEvents?: number,
): { readonly runner: PilotRunner; close(): Promise<void> } {
  let tilt: Tilt | undefined;
  let json: TiltJson | undefined;
  let simulator: Simulator | undefined;
  const agents = agentsFor(scenario, model);
  const executor = chunkExecutor<EliteSums>(
    workers,
    (start, end) => pilotChunk(simulator as Simulator, model.actorCount, seed, start, end),
    (start, end) => ({
      kind: 'pilot',
      key: `pilot:${hash}:${JSON.stringify(json)}`,
      scenarios: [scenario],
      seed,
      start,
      end,
      tilt: json,
      maxEvents,
    }),
    offThread,
    pool,
  );
  return {
    runner: (next, first, last) => {
      if (next !== tilt) {
        tilt = next;
        json = tiltToJson(next);
        simulator = new Simulator(model, agents, next, { maxEvents });
      }
      return executor.run(first, last);
    },
    close: () => executor.close(),
  };
}
