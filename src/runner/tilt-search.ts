import {
  D,
  K,
  P_OUTAGE,
  PROCESSES_PER_ACTOR,
  Simulator,
  neutralTilt,
  siteProbabilities,
  type CompiledModel,
  type DecisionMaker,
  type Tilt,
} from '../engine/index.ts';

export interface TiltSearchOptions {
  /** Trials per pilot round. Default 10,000. */
  readonly pilotTrials?: number;
  /** Trials with use a round needs before its cross-entropy update. Default 100. */
  readonly minElites?: number;
  /** Cross-entropy updates once rounds see enough use. Default 3. */
  readonly updates?: number;
  /** Most rounds in all (boosts and updates). Default 20. */
  readonly maxRounds?: number;
  /** Weight of the new estimate when smoothing an update (the rest keeps the old tilt). Default 0.7. */
  readonly smoothing?: number;
  /** Called after each round. */
  readonly onRound?: (round: TiltRound, index: number) => void;
}

/** One pilot round: the tilt it ran, how many trials ended in use, and what it did next. */
export interface TiltRound {
  readonly trials: number;
  readonly uses: number;
  /** Importance-sampling estimate of P(use) from this round alone. */
  readonly estimate: number;
  readonly next: 'boost' | 'update' | 'done';
}

export interface TiltSearch {
  readonly tilt: Tilt;
  readonly rounds: readonly TiltRound[];
}

/**
 * Pilot trials draw from indices far above any run's (2^51 + round × pilotTrials), so the trials
 * that choose the tilt never enter the estimate it is used for.
 */
export const PILOT_BASE = 2 ** 51;

export const DEFAULT_PILOT_TRIALS = 10_000;
export const DEFAULT_MIN_ELITES = 100;

/** Weighted sums over a round's trials with use: the cross-entropy update's sufficient statistics. */
export interface EliteSums {
  uses: number;
  weightSum: number;
  weightSquares: number;
  readonly events: Float64Array;
  readonly exposure: Float64Array;
  readonly hits: Float64Array;
  readonly draws: Float64Array;
  /** Unweighted draws and exposure over trials with use: how much evidence each fit rests on. */
  readonly plainDraws: Float64Array;
  readonly plainExposure: Float64Array;
  /** Sites drawn in any trial of the round: only those are worth boosting. */
  readonly reachedSites: Uint8Array;
  /** Untilted integrated rate of each process, and draws of each site, over all trials. */
  readonly exposureAll: Float64Array;
  readonly drawsAll: Float64Array;
  /**
   * Over all trials, at the sites whose probability the decision-maker states: the sum, least and
   * greatest of the probabilities stated (NaN bounds before any draw).
   */
  readonly statedSum: Float64Array;
  readonly statedMin: Float64Array;
  readonly statedMax: Float64Array;
}

/** Empty sums for a model of `actorCount` actors. */
function emptySums(actorCount: number): EliteSums {
  const t = neutralTilt(actorCount);
  return {
    uses: 0,
    weightSum: 0,
    weightSquares: 0,
    events: new Float64Array(t.rate.length),
    exposure: new Float64Array(t.rate.length),
    hits: new Float64Array(t.probability.length),
    draws: new Float64Array(t.probability.length),
    plainDraws: new Float64Array(t.probability.length),
    plainExposure: new Float64Array(t.rate.length),
    reachedSites: new Uint8Array(t.probability.length),
    exposureAll: new Float64Array(t.rate.length),
    drawsAll: new Float64Array(t.probability.length),
    statedSum: new Float64Array(t.probability.length),
    statedMin: new Float64Array(t.probability.length).fill(NaN),
    statedMax: new Float64Array(t.probability.length).fill(NaN),
  };
}

/**
 * Pilot trials [first, last) on a tilted simulator, summing what its trials with use saw: the
 * unit of work of the search, here or on a worker thread.
 */
export function pilotChunk(
  simulator: Simulator,
  actorCount: number,
  seed: number,
  first: number,
  last: number,
): EliteSums {
  const sums = emptySums(actorCount);
  for (let trial = first; trial < last; trial++) {
    const o = simulator.run(seed, trial);
    markReached(sums.reachedSites, o.siteTrials);
    addWeighted(sums.exposureAll, o.exposure, 1);
    addWeighted(sums.drawsAll, o.siteTrials, 1);
    addStated(sums, o.statedSum, o.statedMin, o.statedMax);
    if (o.nuclearUse !== 1) continue;
    const w = Math.exp(o.logWeight);
    sums.uses++;
    sums.weightSum += w;
    sums.weightSquares += w * w;
    addWeighted(sums.plainDraws, o.siteTrials, 1);
    addWeighted(sums.plainExposure, o.exposure, 1);
    addWeighted(sums.events, o.processEvents, w);
    addWeighted(sums.exposure, o.exposure, w);
    addWeighted(sums.hits, o.siteHits, w);
    addWeighted(sums.draws, o.siteTrials, w);
  }
  return sums;
}

/** Runs pilot trials [first, last) under a tilt, in this thread or on a worker. */
export type PilotRunner = (tilt: Tilt, first: number, last: number) => Promise<EliteSums>;

/** The pilot runner that works in this thread, yielding between pieces. */
export function localPilot(
  model: CompiledModel,
  agents: readonly DecisionMaker[],
  seed: number,
): PilotRunner {
  let cached: { tilt: Tilt; simulator: Simulator } | undefined;
  return async (tilt, first, last) => {
    await new Promise((resolve) => setImmediate(resolve));
    if (cached?.tilt !== tilt) cached = { tilt, simulator: new Simulator(model, agents, tilt) };
    return pilotChunk(cached.simulator, model.actorCount, seed, first, last);
  };
}

/** Trials per piece of a round: fixed, so a round's sums never depend on the number of workers. */
const PILOT_PIECE = 2500;

/**
 * One pilot round of `trials` trials under `tilt`: pieces of PILOT_PIECE trials run through
 * `runner` (in parallel on workers) and merge in order.
 */
export async function pilotRound(
  runner: PilotRunner,
  actorCount: number,
  tilt: Tilt,
  round: number,
  trials: number,
): Promise<EliteSums> {
  const base = PILOT_BASE + round * trials;
  const pieces: Promise<EliteSums>[] = [];
  for (let first = 0; first < trials; first += PILOT_PIECE) {
    pieces.push(runner(tilt, base + first, base + Math.min(trials, first + PILOT_PIECE)));
  }
  const sums = emptySums(actorCount);
  for (const piece of await Promise.all(pieces)) mergeSums(sums, piece);
  return sums;
}

function mergeSums(into: EliteSums, from: EliteSums): void {
  into.uses += from.uses;
  into.weightSum += from.weightSum;
  into.weightSquares += from.weightSquares;
  for (const key of ARRAY_KEYS) addWeighted(into[key], from[key], 1);
  addStated(into, from.statedSum, from.statedMin, from.statedMax);
  for (let i = 0; i < into.reachedSites.length; i++) into.reachedSites[i] |= from.reachedSites[i];
}

const ARRAY_KEYS = [
  'events',
  'exposure',
  'hits',
  'draws',
  'plainDraws',
  'plainExposure',
  'exposureAll',
  'drawsAll',
] as const;

/**
 * Chooses a tilt by the cross-entropy method (Rubinstein and Kroese 2004) on pilot rounds. While
 * a round sees fewer than `minElites` trials with use, every failure is boosted (failure rates ×3,
 * failure probabilities p → min(0.5, √p)); once it sees enough, the tilt moves to the weighted
 * maximum-likelihood fit of what the trials with use saw (rate = events / exposure, probability =
 * failures / draws), smoothed and clamped.
 * Deterministic in (model, seed, options), whatever runs the pilot trials.
 */
export async function searchTilt(
  model: CompiledModel,
  runner: PilotRunner,
  options: TiltSearchOptions = {},
): Promise<TiltSearch> {
  const trials = options.pilotTrials ?? DEFAULT_PILOT_TRIALS;
  const minElites = options.minElites ?? DEFAULT_MIN_ELITES;
  const updates = options.updates ?? 3;
  const maxRounds = options.maxRounds ?? 20;
  const alpha = options.smoothing ?? 0.7;
  const modelP0 = siteProbabilities(model);
  const seen = emptySums(model.actorCount);
  const failure = failureProcesses(model);
  let tilt = neutralTilt(model.actorCount);
  const rounds: TiltRound[] = [];
  let done = 0;
  for (let round = 0; round < maxRounds && done < updates; round++) {
    const sums = await pilotRound(runner, model.actorCount, tilt, round, trials);
    addStated(seen, sums.statedSum, sums.statedMin, sums.statedMax);
    addWeighted(seen.drawsAll, sums.drawsAll, 1);
    const p0 = withStated(modelP0, seen);
    const enough = sums.uses >= minElites;
    const next = enough ? (done + 1 >= updates ? 'done' : 'update') : 'boost';
    const record: TiltRound = { trials, uses: sums.uses, estimate: sums.weightSum / trials, next };
    rounds.push(record);
    options.onRound?.(record, round);
    if (enough) {
      tilt = update(tilt, sums, p0, rare(sums, trials, p0, failure), alpha);
      done++;
    } else tilt = boost(tilt, p0, rare(sums, trials, p0, failure));
  }
  return { tilt, rounds };
}

/** Poisson processes whose events are failures: benign and false-alarm tracks, outages. */
function failureProcesses(model: CompiledModel): Uint8Array {
  const mask = new Uint8Array(model.actorCount * PROCESSES_PER_ACTOR);
  for (const p of model.activeProcesses) {
    const j = p % PROCESSES_PER_ACTOR;
    if (j === P_OUTAGE || (j < D * K && j % K !== 0)) mask[p] = 1;
  }
  return mask;
}

const RATE_LIMITS = [0.5, 1000] as const;
const MAX_PROBABILITY = 0.95;
/** A fit moves a parameter only when it differs from the model's own value by this many s.e. */
const EVIDENCE = 2;
const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));

/**
 * Which processes and sites to tilt: failures that are rare within a trial (under half an event
 * per trial on average at the model's own rates). A failure that happens many times a trial is
 * not where the rarity lies, and tilting it multiplies a weight factor per occurrence, so the
 * weights' variance grows exponentially with the count.
 */
interface Rare {
  readonly processes: Uint8Array;
  readonly sites: Uint8Array;
}

const RARE_PER_TRIAL = 0.5;

function rare(sums: EliteSums, trials: number, p0: Float64Array, failure: Uint8Array): Rare {
  return {
    processes: failure.map((f, p) =>
      f === 1 && sums.exposureAll[p] / trials < RARE_PER_TRIAL ? 1 : 0,
    ),
    sites: Uint8Array.from(sums.drawsAll, (n, s) =>
      n > 0 && p0[s] > 0 && p0[s] < 1 && (n / trials) * p0[s] < RARE_PER_TRIAL ? 1 : 0,
    ),
  };
}

function boost(tilt: Tilt, p0: Float64Array, rare: Rare): Tilt {
  const rate = tilt.rate.map((r, p) => (rare.processes[p] === 1 ? clamp(r * 3, RATE_LIMITS) : r));
  const probability = tilt.probability.map((q, s) => {
    if (rare.sites[s] !== 1 || !(p0[s] < 0.5)) return q;
    return Math.min(0.5, Math.sqrt(Number.isNaN(q) ? p0[s] : q));
  });
  return { rate, probability };
}

function update(tilt: Tilt, sums: EliteSums, p0: Float64Array, rare: Rare, alpha: number): Tilt {
  // Weighted trials with use count as fewer: scale every count by ESS / uses.
  const ess = sums.weightSquares > 0 ? (sums.weightSum * sums.weightSum) / sums.weightSquares : 0;
  const share = sums.uses > 0 ? ess / sums.uses : 0;
  const rate = tilt.rate.map((r, p) => {
    if (rare.processes[p] !== 1 || !(sums.exposure[p] > 0)) return r;
    let fit = clamp(sums.events[p] / sums.exposure[p], RATE_LIMITS);
    // Without evidence that trials with use see this process faster, leave it alone: a noisy
    // tilt of a frequent process only adds variance.
    if (Math.abs(fit - 1) < EVIDENCE / Math.sqrt(sums.plainExposure[p] * share)) fit = 1;
    const next = clamp(Math.exp(alpha * Math.log(fit) + (1 - alpha) * Math.log(r)), RATE_LIMITS);
    return Math.abs(next - 1) < 1e-3 ? 1 : next;
  });
  const probability = tilt.probability.map((q, s) => {
    const p = p0[s];
    if (rare.sites[s] !== 1 || !(sums.draws[s] > 0)) return q;
    let fit = sums.hits[s] / sums.draws[s];
    if (Math.abs(fit - p) < EVIDENCE * Math.sqrt((p * (1 - p)) / (sums.plainDraws[s] * share))) {
      fit = p;
    }
    const old = Number.isNaN(q) ? p : q;
    // Never tilt a failure far below its own odds (those trials would carry huge weights), nor
    // make it near-certain unless it already is.
    const next = Math.min(
      Math.max(MAX_PROBABILITY, p),
      Math.max(p / 2, alpha * fit + (1 - alpha) * old),
    );
    return Math.abs(next - p) < 1e-3 * p ? NaN : next;
  });
  return { rate, probability };
}

/** Adds stated probabilities' sums and widens their bounds (NaN: none yet). */
function addStated(into: EliteSums, sum: Float64Array, min: Float64Array, max: Float64Array): void {
  for (let i = 0; i < sum.length; i++) {
    if (Number.isNaN(min[i])) continue;
    into.statedSum[i] += sum[i];
    if (!(min[i] >= into.statedMin[i])) into.statedMin[i] = min[i];
    if (!(max[i] <= into.statedMax[i])) into.statedMax[i] = max[i];
  }
}

/**
 * The model's own failure probabilities, completed at the stated sites from what the pilot rounds
 * so far saw stated: the value itself when it never varied, else its mean over the draws.
 */
function withStated(model: Float64Array, stated: EliteSums): Float64Array {
  return model.map((p, s) => {
    if (!Number.isNaN(p) || Number.isNaN(stated.statedMin[s])) return p;
    if (stated.statedMin[s] === stated.statedMax[s]) return stated.statedMin[s];
    return stated.statedSum[s] / stated.drawsAll[s];
  });
}

function addWeighted(target: Float64Array, source: ArrayLike<number>, w: number): void {
  for (let i = 0; i < target.length; i++) if (source[i] !== 0) target[i] += w * source[i];
}

function markReached(reached: Uint8Array, draws: Int32Array): void {
  for (let i = 0; i < reached.length; i++) if (draws[i] !== 0) reached[i] = 1;
}
