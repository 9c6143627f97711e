import {
  armsPerProfile,
  combineGameChunks,
  gameArms,
  gameChunk,
  summarizeGame,
  type GameChunkResult,
  type GameResult,
} from '../analysis/index.ts';
import { gameDeclaration, type LoadedScenario } from '../scenario/index.ts';
import { InputError } from '../util/index.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import { chunkSchedule } from './chunk-schedule.ts';
import { compileArms } from './chunk-task.ts';
import { DEFAULT_SEED } from './simulate.ts';
import type { WorkerPool } from './worker-pool.ts';

/** Default trials per arm of a game. */
export const DEFAULT_GAME_RUNS = 2_000;
/** Default resampled payoff matrices. */
export const DEFAULT_RESAMPLES = 1_000;
/** Chunks of a game are small: each trial runs every profile's arms. */
const GAME_CHUNK = 500;

export interface GameOptions {
  /** Trials of every arm (each profile and, with deterrence, its two strike variants). Default 2,000. */
  readonly runs?: number;
  /** Base seed shared by every arm (common random numbers). Default 1. */
  readonly seed?: number;
  /** Resampled payoff matrices behind every probability and interval. Default 1,000. */
  readonly resamples?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Run on worker threads even with one worker. Default false. */
  readonly offThread?: boolean;
  /** Long-lived worker threads to use instead of starting some. Default none. */
  readonly pool?: WorkerPool;
  /** Called after every chunk with trials done and planned, over every arm. */
  readonly onProgress?: (done: number, planned: number) => void;
  /** Stops between chunks; the game then throws an AbortError. Default none. */
  readonly signal?: AbortSignal;
  /** Milliseconds clock for timing only. Default `performance.now`. */
  readonly clock?: () => number;
}

/** Arms the game runs each trial (profiles, times 3 with deterrence); 0 if it has no valid game. */
export function armsPerGame(loaded: LoadedScenario): number {
  const declared = gameDeclaration(loaded);
  if (!declared.ok) return 0;
  const [first, second] = declared.value.strategies;
  return first.length * second.length * (declared.value.deterrence ? 3 : 1);
}

/**
 * Plays the scenario's delegation game: every profile (and strike variant) on the same (seed,
 * trial) streams, chunks here or on worker threads merged in order, then payoffs, equilibria and
 * the agreement from the merged sums (`summarizeGame`).
 */
export async function playGame(
  loaded: LoadedScenario,
  options: GameOptions = {},
): Promise<GameResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_GAME_RUNS;
  const declared = gameDeclaration(loaded);
  if (!declared.ok) throw new InputError(declared.issues);
  const game = declared.value;
  const built = gameArms(loaded, game);
  if (!built.ok) throw new InputError(built.issues);
  const { layout, scenarios } = built.value;
  const arms = compileArms(scenarios);
  const executor = chunkExecutor<GameChunkResult>(
    options.workers ?? 1,
    (start, end) => gameChunk(arms, layout, seed, start, end),
    (start, end) => ({
      kind: 'game',
      key: `game:${loaded.hash}:${JSON.stringify(game)}`,
      scenarios,
      layout,
      seed,
      start,
      end,
    }),
    options.offThread,
    options.pool,
  );
  const perTrial = layout.profiles * armsPerProfile(layout);
  let totals: GameChunkResult | undefined;
  let aborted = false;
  await runInOrder(executor, chunkSchedule(runs, false, GAME_CHUNK), (chunk) => {
    totals = totals === undefined ? chunk : combineGameChunks([totals, chunk]);
    options.onProgress?.(totals.trials * perTrial, runs * perTrial);
    aborted = options.signal?.aborted === true;
    return aborted;
  });
  if (aborted || totals === undefined) throw new DOMException('the game was stopped', 'AbortError');
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  return summarizeGame(loaded, game, layout, totals, {
    seed,
    resamples,
    seconds: (clock() - started) / 1000,
  });
}
