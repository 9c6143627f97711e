import { agentsFor } from '../agents/index.ts';
import { neutralTilt, type CompiledModel, type DecisionMaker, type Tilt } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import type { WorkerPool } from './worker-pool.ts';
import { pilotExecutor } from './pilot-executor.ts';
import {
  DEFAULT_MIN_ELITES,
  DEFAULT_PILOT_TRIALS,
  pilotRound,
  searchTilt,
  type PilotRunner,
  type TiltRound,
  type TiltSearchOptions,
} from './tilt-search.ts';
import { describeTilt, type TiltSpec } from './tilt-spec.ts';

/** How a run samples: plain Monte Carlo, importance sampling, or chosen by a pilot run. */
export const METHODS = ['plain', 'is', 'auto'] as const;
export type Method = (typeof METHODS)[number];

/** What a run decided about its sampling method, and why, as results report it. */
export interface MethodPlan {
  readonly requested: Method;
  readonly used: 'plain' | 'importance';
  readonly reason: string;
  readonly tilt: Tilt | null;
  readonly tiltSpec: TiltSpec | null;
  readonly tiltSource: 'cross-entropy' | 'given' | null;
  readonly rounds: readonly TiltRound[];
}

export interface MethodOptions {
  /** Default 'plain'. */
  readonly method?: Method;
  /** A tilt to use instead of searching for one (method 'is' or 'auto'). */
  readonly tilt?: Tilt;
  readonly tiltSearch?: TiltSearchOptions;
  /** Called after each pilot round of the tilt search. */
  readonly onPilotRound?: (round: TiltRound, index: number) => void;
  /**
   * The run's decision-makers: importance sampling needs every one to state the probability of
   * its choices, else the run is plain and says why. Default: all do.
   */
  readonly agents?: readonly DecisionMaker[];
}

/**
 * Settles the method of a run on `model` (the baseline's, for a comparison). 'auto' runs one plain
 * pilot round and keeps plain sampling when it sees at least `minElites` trials with use (a plain
 * estimate there already has a relative error near 1/√minElites per pilot); otherwise it samples
 * by importance, as 'is' does, with the given tilt or one found by the cross-entropy search.
 */
export async function planMethod(
  model: CompiledModel,
  runner: PilotRunner,
  options: MethodOptions = {},
): Promise<MethodPlan> {
  const requested = options.method ?? 'plain';
  const plain = (reason: string): MethodPlan => ({
    requested,
    used: 'plain',
    reason,
    tilt: null,
    tiltSpec: null,
    tiltSource: null,
    rounds: [],
  });
  if (requested === 'plain') return plain('plain Monte Carlo was requested');
  const silent = (options.agents ?? []).filter((a) => !a.statesProbabilities);
  if (silent.length > 0) {
    const names = [...new Set(silent.map((a) => a.name))].join(', ');
    return plain(
      `${requested === 'is' ? 'importance sampling' : 'auto'} was requested, but the ${names} agent states no probability for its choices, so importance sampling cannot weigh them: plain Monte Carlo`,
    );
  }
  const search = options.tiltSearch ?? {};
  const minElites = search.minElites ?? DEFAULT_MIN_ELITES;
  let reason = 'importance sampling was requested';
  if (requested === 'auto' && options.tilt === undefined) {
    const trials = search.pilotTrials ?? DEFAULT_PILOT_TRIALS;
    const pilot = await pilotRound(
      runner,
      model.actorCount,
      neutralTilt(model.actorCount),
      0,
      trials,
    );
    const seen = `a plain pilot of ${trials.toLocaleString('en-US')} trials saw ${pilot.uses} with nuclear use`;
    if (pilot.uses >= minElites) return plain(`${seen} (at least ${minElites}): plain Monte Carlo`);
    reason = `${seen} (fewer than ${minElites}): importance sampling`;
  }
  if (options.tilt !== undefined) {
    return {
      requested,
      used: 'importance',
      reason,
      tilt: options.tilt,
      tiltSpec: describeTilt(model, options.tilt),
      tiltSource: 'given',
      rounds: [],
    };
  }
  const found = await searchTilt(model, runner, { ...search, onRound: options.onPilotRound });
  return {
    requested,
    used: 'importance',
    reason,
    tilt: found.tilt,
    tiltSpec: describeTilt(model, found.tilt),
    tiltSource: 'cross-entropy',
    rounds: found.rounds,
  };
}

/**
 * Plans the method of a run of `loaded` (compiled as `model`), running any pilot trials on the
 * run's workers (or off this thread), then closing them before the run starts.
 */
export async function planOnWorkers(
  loaded: LoadedScenario,
  model: CompiledModel,
  seed: number,
  options: MethodOptions & {
    readonly workers?: number;
    readonly offThread?: boolean;
    readonly pool?: WorkerPool;
    /** Cap on events per pilot trial; default the engine's. */
    readonly maxEvents?: number;
  },
): Promise<MethodPlan> {
  const needsPilot = (options.method ?? 'plain') !== 'plain';
  const workers = needsPilot ? (options.workers ?? 1) : 1;
  const pilot = pilotExecutor(
    loaded.scenario,
    loaded.hash,
    model,
    seed,
    workers,
    needsPilot && options.offThread,
    needsPilot ? options.pool : undefined,
    options.maxEvents,
  );
  try {
    return await planMethod(model, pilot.runner, {
      agents: agentsFor(loaded.scenario, model),
      ...options,
    });
  } finally {
    await pilot.close();
  }
}
