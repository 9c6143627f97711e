import {
  armsPerProfile,
  combineGameChunks,
  gameArms,
  gameChunk,
  gameSetOutcome,
  summarizeGame,
  summarizeParameterSets,
  type GameChunkResult,
  type GameLayout,
  type GameResult,
  type GameSetOutcome,
} from '../analysis/index.ts';
import {
  gameDeclaration,
  uncertainParameters,
  type LoadedScenario,
  type ResolvedScenario,
} from '../scenario/index.ts';
import { InputError, type Result } from '../util/index.ts';
import { chunkExecutor, runInOrder } from './chunk-executor.ts';
import { chunkSchedule } from './chunk-schedule.ts';
import { compileArms } from './chunk-task.ts';
import { parameterSetScenarios } from './parameter-sets.ts';
import { DEFAULT_SEED } from './simulate.ts';
import { WorkerPool } from './worker-pool.ts';

/** Default trials per arm of a game. */
export const DEFAULT_GAME_RUNS = 2_000;
/** Default resampled payoff matrices. */
export const DEFAULT_RESAMPLES = 1_000;
/** Default parameter sets when the scenario declares an `uncertainty` block (0 turns it off). */
export const DEFAULT_GAME_PARAMETER_SETS = 20;
/** Default trials of every arm at each parameter set. */
export const DEFAULT_GAME_PARAMETER_RUNS = 200;
/** Chunks of a game are small: each trial runs every profile's arms. */
const GAME_CHUNK = 500;

export interface GameOptions {
  /** Trials of every arm (each profile and, with deterrence, its two strike variants). Default 2,000. */
  readonly runs?: number;
  /** Base seed shared by every arm (common random numbers). Default 1. */
  readonly seed?: number;
  /** Resampled payoff matrices behind every probability and interval (and at each parameter set). Default 1,000. */
  readonly resamples?: number;
  /**
   * Parameter sets drawn from the scenario's `uncertainty` block, the game played at each. Default
   * 20 when the block declares any parameter; 0 turns it off.
   */
  readonly parameterSets?: number;
  /** Trials of every arm at each parameter set. Default 200. */
  readonly parameterRuns?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Run on worker threads even with one worker. Default false. */
  readonly offThread?: boolean;
  /** Long-lived worker threads to use instead of starting some. Default none. */
  readonly pool?: WorkerPool;
  /** Called after every chunk with trials done and planned, over every arm and parameter set. */
  readonly onProgress?: (done: number, planned: number) => void;
  /**
   * Stops soon after it fires: the result then holds what was done, marked `partial` (every
   * profile on the trials finished; the parameter sets played). Before any trial, an AbortError.
   */
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

/** Parameter sets a game will play: the option (default 20), or 0 with no uncertain parameter. */
export function gameParameterSets(loaded: LoadedScenario, requested?: number): number {
  if (uncertainParameters(loaded.scenario).length === 0) return 0;
  return requested ?? DEFAULT_GAME_PARAMETER_SETS;
}

/**
 * Plays the scenario's delegation game: every profile (and strike variant) on the same (seed,
 * trial) streams, chunks here or on worker threads merged in order, then payoffs, equilibria and
 * the agreement from the merged sums (`summarizeGame`). With an `uncertainty` block it plays the
 * game again at each parameter set (low-discrepancy draws through the one patcher), on trials of
 * its own after the game's, and reports P(equilibrium) over both kinds of uncertainty.
 */
export async function playGame(
  loaded: LoadedScenario,
  options: GameOptions = {},
): Promise<GameResult> {
  const workers = options.workers ?? 1;
  if (options.pool !== undefined || (workers <= 1 && options.offThread !== true)) {
    return playWith(loaded, options);
  }
  // One pool for the game and every parameter set, not a pool started per set.
  const pool = new WorkerPool(Math.max(1, workers));
  try {
    return await playWith(loaded, { ...options, pool });
  } finally {
    await pool.close();
  }
}

async function playWith(loaded: LoadedScenario, options: GameOptions): Promise<GameResult> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_GAME_RUNS;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const sets = gameParameterSets(loaded, options.parameterSets);
  const setRuns = options.parameterRuns ?? DEFAULT_GAME_PARAMETER_RUNS;
  const game = orThrow(gameDeclaration(loaded));
  const { layout, scenarios } = orThrow(gameArms(loaded, game));
  const perTrial = layout.profiles * armsPerProfile(layout);
  const planned = (runs + sets * setRuns) * perTrial;
  let done = 0;
  const play = (arms: readonly ResolvedScenario[], start: number, end: number, key: string) =>
    playTrials(arms, layout, seed, start, end, key, options, (trials) =>
      options.onProgress?.(done + trials * perTrial, planned),
    );
  const key = `game:${loaded.hash}:${JSON.stringify(game)}`;
  const baseline = await play(scenarios, 0, runs, key);
  if (baseline === undefined) throw new DOMException('the game was stopped', 'AbortError');
  done += baseline.trials * perTrial;
  const outcomes: GameSetOutcome[] = [];
  const parameters = uncertainParameters(loaded.scenario);
  let stopped = baseline.trials < runs;
  for (const { index: j, loaded: changed, changes } of parameterSetScenarios(loaded, seed, sets)) {
    if (stopped || options.signal?.aborted === true) {
      stopped = true;
      break;
    }
    const setGame = orThrow(gameDeclaration(changed));
    const arms = orThrow(gameArms(changed, setGame)).scenarios;
    // Each set has trials of its own, after the game's, so the sets are independent.
    const start = runs + j * setRuns;
    const setKey = `${key}:set:${JSON.stringify(changes)}`;
    const totals = await play(arms, start, start + setRuns, setKey);
    if (totals === undefined || totals.trials < setRuns) {
      stopped = true;
      break;
    }
    done += totals.trials * perTrial;
    outcomes.push(gameSetOutcome(totals, layout, setGame, seed, j + 1, resamples));
  }
  const baselinePure = gameSetOutcome(baseline, layout, game, seed, 0, 0).pure;
  return summarizeGame(loaded, game, layout, baseline, {
    seed,
    resamples,
    seconds: (clock() - started) / 1000,
    parameterUncertainty:
      outcomes.length > 0
        ? summarizeParameterSets(baselinePure, outcomes, {
            parameters: parameters.map((p) => p.name),
            planned: sets,
            runs: setRuns,
            resamples,
            profiles: layout.profiles,
          })
        : null,
    partial: stopped
      ? {
          trials: baseline.trials,
          plannedTrials: runs,
          parameterSets: outcomes.length,
          plannedParameterSets: sets,
        }
      : null,
  });
}

/**
 * Trials [start, end) of every profile's arms, chunks merged in order; once `signal` fires, the
 * trials finished so far (undefined if none).
 */
async function playTrials(
  scenarios: readonly ResolvedScenario[],
  layout: GameLayout,
  seed: number,
  start: number,
  end: number,
  key: string,
  options: GameOptions,
  onProgress: (trials: number) => void,
): Promise<GameChunkResult | undefined> {
  const arms = compileArms(scenarios);
  const executor = chunkExecutor<GameChunkResult>(
    options.workers ?? 1,
    (from, to) => gameChunk(arms, layout, seed, from, to),
    (from, to) => ({ kind: 'game', key, scenarios, layout, seed, start: from, end: to }),
    options.offThread,
    options.pool,
    options.signal,
    combineGameChunks,
  );
  let totals: GameChunkResult | undefined;
  const chunks = offset(chunkSchedule(end - start, false, GAME_CHUNK), start);
  await runInOrder(executor, chunks, (chunk) => {
    totals = totals === undefined ? chunk : combineGameChunks([totals, chunk]);
    onProgress(totals.trials);
    return options.signal?.aborted === true;
  });
  return totals;
}

function* offset(chunks: Iterable<[number, number]>, by: number): Generator<[number, number]> {
  for (const [a, b] of chunks) yield [a + by, b + by];
}

function orThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new InputError(result.issues);
  return result.value;
}
