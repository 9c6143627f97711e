import {
  compareChunk,
  gameChunk,
  pairedArmsChunk,
  pathwaysChunk,
  type ArmPair,
  type CompareChunkResult,
  type CompiledArm,
  type GameChunkResult,
  type GameLayout,
  type PairedArmsChunkResult,
  type PathwaysChunkResult,
  type StudyOutcome,
} from '../analysis/index.ts';
import { compileModel, Simulator, type SimulatorLimits, type Tilt } from '../engine/index.ts';
import type { ResolvedScenario } from '../scenario/index.ts';
import { changedScenarios, type StudyArm } from './changed-scenarios.ts';
import { runChunk, type ChunkResult } from './run-chunk.ts';
import { simulatorFor } from './simulator-for.ts';
import { tiltFromJson, type TiltJson } from './tilt-spec.ts';
import { pilotChunk, type EliteSums } from './tilt-search.ts';

/** What a worker is asked to do: one chunk of a run, of a comparison or of a pathways run. */
export type ChunkTask =
  | {
      readonly kind: 'run';
      readonly key: string;
      readonly scenarios: readonly ResolvedScenario[];
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      /** Cap on events per trial; default the engine's. */
      readonly maxEvents?: number;
      /** Set to 1 (on a SharedArrayBuffer) to stop the chunk within a few trials. */
      readonly stop?: Int32Array;
      readonly keep: number;
      /** Importance sampling's tilt; absent for plain Monte Carlo. */
      readonly tilt?: TiltJson;
    }
  | {
      readonly kind: 'compare';
      readonly key: string;
      readonly scenarios: readonly ResolvedScenario[];
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      /** Cap on events per trial; default the engine's. */
      readonly maxEvents?: number;
      /** Set to 1 (on a SharedArrayBuffer) to stop the chunk within a few trials. */
      readonly stop?: Int32Array;
      readonly tilt?: TiltJson;
    }
  | {
      readonly kind: 'pilot';
      readonly key: string;
      readonly scenarios: readonly ResolvedScenario[];
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      /** Cap on events per trial; default the engine's. */
      readonly maxEvents?: number;
      /** Set to 1 (on a SharedArrayBuffer) to stop the chunk within a few trials. */
      readonly stop?: Int32Array;
      readonly tilt?: TiltJson;
    }
  | {
      readonly kind: 'pathways';
      readonly key: string;
      readonly scenarios: readonly ResolvedScenario[];
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      /** Cap on events per trial; default the engine's. */
      readonly maxEvents?: number;
      /** Set to 1 (on a SharedArrayBuffer) to stop the chunk within a few trials. */
      readonly stop?: Int32Array;
      readonly tilt?: undefined;
    }
  | {
      readonly kind: 'arms';
      readonly key: string;
      /** The scenario every arm changes; arms are built on the worker, saving the main thread. */
      readonly base: ResolvedScenario;
      /** Each arm as changes (then safeguards) to `base`. */
      readonly arms: readonly StudyArm[];
      readonly pairs: readonly ArmPair[];
      readonly outcome: StudyOutcome;
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      /** Cap on events per trial; default the engine's. */
      readonly maxEvents?: number;
      /** Set to 1 to stop; paired-arm chunks finish the chunk (they are short). */
      readonly stop?: Int32Array;
    }
  | {
      readonly kind: 'game';
      readonly key: string;
      /** Every profile's arms, row-major (see `gameArms`). */
      readonly scenarios: readonly ResolvedScenario[];
      readonly layout: GameLayout;
      readonly seed: number;
      readonly start: number;
      readonly end: number;
      readonly maxEvents?: number;
      /** Set to 1 to stop; game chunks finish the chunk (they are short). */
      readonly stop?: Int32Array;
      readonly tilt?: undefined;
    };

/** Compiles scenarios into simulators, all sampling under `tilt` when one is given. */
export function compileArms(
  scenarios: readonly ResolvedScenario[],
  tilt: Tilt | null = null,
  limits: SimulatorLimits = {},
): CompiledArm[] {
  return scenarios.map((scenario) => {
    const model = compileModel(scenario);
    return { model, simulator: simulatorFor(scenario, tilt, model, limits) };
  });
}

// A worker compiles each set of scenarios once (keyed by their hashes) and reuses it per chunk.
let cached: { key: string; arms: CompiledArm[] } | undefined;

/** The worker's entry: runs one chunk (see worker-entry.mjs). */
export function runChunkTask(
  task: ChunkTask,
):
  | ChunkResult
  | CompareChunkResult
  | PathwaysChunkResult
  | EliteSums
  | PairedArmsChunkResult
  | GameChunkResult {
  const maxEvents = task.maxEvents;
  const key = `${task.key}:${maxEvents ?? ''}`;
  if (cached?.key !== key) {
    const arms =
      task.kind === 'arms'
        ? compileArms(changedScenarios(task.base, task.arms), null, { maxEvents })
        : compileArms(task.scenarios, task.tilt ? tiltFromJson(task.tilt) : null, { maxEvents });
    cached = { key, arms };
  }
  const arms = cached.arms;
  if (task.kind === 'arms') {
    return pairedArmsChunk(arms, task.pairs, task.outcome, task.seed, task.start, task.end);
  }
  if (task.kind === 'game') {
    return gameChunk(arms, task.layout, task.seed, task.start, task.end);
  }
  if (task.kind === 'run') {
    const { simulator, model } = arms[0];
    return runChunk(simulator, model, task.seed, task.start, task.end, task.keep, task.stop);
  }
  if (task.kind === 'pilot') {
    const [{ model, simulator }] = arms;
    return pilotChunk(simulator, model.actorCount, task.seed, task.start, task.end);
  }
  if (task.kind === 'pathways') {
    const [{ model, simulator }] = arms;
    const replay = new Simulator(model, simulator.agents);
    return pathwaysChunk(model, simulator, replay, task.seed, task.start, task.end);
  }
  return compareChunk(arms, task.seed, task.start, task.end, task.stop);
}
