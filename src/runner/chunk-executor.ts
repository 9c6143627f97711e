import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { compileModel, Simulator } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import type { ChunkTask } from './chunk-task.ts';
import { runChunk, type ChunkResult } from './run-chunk.ts';

/** Runs chunks of trials, here or on worker threads; results never depend on which. */
export interface ChunkExecutor {
  /** How many chunks to keep in flight. */
  readonly depth: number;
  run(start: number, end: number): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Runs chunks in this thread, yielding to the event loop between them (progress, signals). */
export function inlineExecutor(loaded: LoadedScenario, seed: number, keep: number): ChunkExecutor {
  const model = compileModel(loaded.scenario);
  const simulator = new Simulator(model);
  return {
    depth: 1,
    async run(start, end) {
      await new Promise((resolve) => setImmediate(resolve));
      return runChunk(simulator, model, seed, start, end, keep);
    },
    close: async () => undefined,
  };
}

const WORKER = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

/** Runs chunks on a pool of worker threads (piscina); each compiles the scenario once. */
export function poolExecutor(
  loaded: LoadedScenario,
  seed: number,
  keep: number,
  workers: number,
): ChunkExecutor {
  const pool = new Piscina({ filename: WORKER, minThreads: workers, maxThreads: workers });
  return {
    depth: 2 * workers,
    run(start, end) {
      const task: ChunkTask = {
        hash: loaded.hash,
        scenario: loaded.scenario,
        seed,
        start,
        end,
        keep,
      };
      return pool.run(task) as Promise<ChunkResult>;
    },
    close: () => pool.destroy(),
  };
}
