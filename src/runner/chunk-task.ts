import { compileModel, Simulator, type CompiledModel } from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import { runChunk, type ChunkResult } from './run-chunk.ts';

/** What a worker is asked to do: one chunk of one scenario. */
export interface ChunkTask {
  readonly hash: string;
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  readonly keep: number;
}

// A worker compiles each scenario once and reuses it for every chunk it is given.
let cached: { hash: string; model: CompiledModel; simulator: Simulator } | undefined;

/** The worker's entry: runs one chunk (see worker-entry.mjs). */
export function runChunkTask(task: ChunkTask): ChunkResult {
  if (cached?.hash !== task.hash) {
    const model = compileModel(task.scenario);
    cached = { hash: task.hash, model, simulator: new Simulator(model) };
  }
  return runChunk(cached.simulator, cached.model, task.seed, task.start, task.end, task.keep);
}
