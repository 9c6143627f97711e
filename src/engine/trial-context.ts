import { CounterStream, normalFrom, normalQuantile, Rng } from '../random/index.ts';
import { PROCESSES_PER_ACTOR, type CompiledModel } from './compiled-model.ts';
import { EventQueue } from './event-queue.ts';
import { MinTree } from './min-tree.ts';
import type { Recorder } from './recorder.ts';
import { siteCuts, siteProbabilities, type Tilt } from './tilt.ts';
import { TrialOutcome } from './trial-outcome.ts';

/**
 * Random streams. Every Poisson process (each actor x domain x kind of track, each actor's outages,
 * decay and intent) has its own stream, which gives both its arrival times and the marks of each
 * of its events (label, confidence, confirmation, hotline, human time and choice; outage length
 * and misread), a fixed number per event. So the k-th false alarm of a sensor meets the same
 * classifier draw and the same human in every variant of a scenario: common random numbers per
 * event, not just per mechanism. The ladder (perception) has a stream of its own.
 */
export const Stream = { ladder: 0, firstProcess: 16 } as const;

/** Counters reserved per event of a process: marks first, the next arrival's draw last. */
const BLOCK = 16;
const ARRIVAL = BLOCK - 1;

/** The marks an event may use, by counter slot within its block (computed only when used). */
export const Mark = {
  label: 0,
  confidenceU: 1,
  confidenceV: 2,
  confirmation: 3,
  hotline: 4,
  humanTimeU: 5,
  humanTimeV: 6,
  choice: 7,
  // Outages reuse the first three.
  durationU: 0,
  durationV: 1,
  misread: 2,
} as const;

/** Mutable state of the trial in progress; one per simulator, reset between trials. */
export class TrialContext {
  readonly ladder = new Rng();
  /** One counter stream per process (index as in `rates`); only active processes are keyed. */
  readonly processStream: CounterStream[];
  /** Events each process has had so far in this trial. */
  readonly eventIndex: Int32Array;
  private markStream: CounterStream | undefined = undefined;
  private markBase = 0;
  /** Integrated rate of each process since the trial began (its internal clock). */
  readonly clock: Float64Array;
  /** Internal time at which each process fires next: a running sum of unit exponentials. */
  readonly threshold: Float64Array;
  /** Trial time at which each clock was last brought up to date. */
  readonly syncedAt: Float64Array;
  /** Trial time at which each process fires next at its current rate (Infinity at rate 0). */
  readonly fireAt: MinTree;
  /** Misread uniform of each actor's outage in progress. */
  readonly misreadDraw: Float64Array;
  readonly queue = new EventQueue();
  readonly rung: Int32Array;
  readonly origin: Int32Array;
  /** Causal chain that put each actor on its current rung (see `activeChain`). */
  readonly chain: Int32Array;
  /**
   * Chain of the event being handled: a new id for each originating event (a track, an outage, a
   * deliberate step), inherited by everything it causes, so a trace can pick out one chain.
   */
  activeChain = 0;
  private chains = 0;
  readonly inOutage: Uint8Array;
  /** Current rate of every process, per minute. */
  readonly rates: Float64Array;
  ratesStale = true;
  time = 0;
  done = false;
  recorder: Recorder | undefined = undefined;
  readonly outcome: TrialOutcome;
  /** Failure probability of each site under the model, and in this run (tilted or the same). */
  private readonly siteBase: Float64Array;
  private readonly siteTarget: Float64Array;
  private readonly siteCut: Float64Array;
  /** log(p / p') and log((1 − p) / (1 − p')) per site: a tilted draw's weight. */
  private readonly logHit: Float64Array;
  private readonly logMiss: Float64Array;

  constructor(
    readonly model: CompiledModel,
    /** The change of measure of importance sampling; null for plain Monte Carlo. */
    readonly tilt: Tilt | null = null,
  ) {
    const A = model.actorCount;
    this.rung = new Int32Array(A);
    this.origin = new Int32Array(A);
    this.chain = new Int32Array(A);
    this.inOutage = new Uint8Array(A);
    const P = A * PROCESSES_PER_ACTOR;
    this.rates = new Float64Array(P);
    this.processStream = Array.from({ length: P }, () => new CounterStream());
    this.eventIndex = new Int32Array(P);
    this.clock = new Float64Array(P);
    this.threshold = new Float64Array(P);
    this.syncedAt = new Float64Array(P);
    this.fireAt = new MinTree(P);
    this.rates.fill(0);
    this.misreadDraw = new Float64Array(A);
    this.outcome = new TrialOutcome(A);
    const p = siteProbabilities(model);
    this.siteBase = p;
    this.siteCut = siteCuts(model);
    this.siteTarget = tilt
      ? p.map((q, s) => (Number.isNaN(tilt.probability[s]) ? q : tilt.probability[s]))
      : p;
    this.logHit = p.map((q, s) => Math.log(q / this.siteTarget[s]) || 0);
    this.logMiss = p.map((q, s) => Math.log((1 - q) / (1 - this.siteTarget[s])) || 0);
  }

  reset(seed: number, trial: number, recorder: Recorder | undefined): void {
    this.ladder.reseed(seed, trial, Stream.ladder);
    this.fireAt.clear();
    const active = this.model.activeProcesses;
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const stream = this.processStream[p];
      stream.reseed(seed, trial, Stream.firstProcess + p);
      this.eventIndex[p] = 0;
      this.clock[p] = 0;
      this.syncedAt[p] = 0;
      this.rates[p] = 0;
      this.threshold[p] = -Math.log(stream.uniform(ARRIVAL));
    }
    this.queue.clear();
    this.rung.set(this.model.initialRung);
    this.origin.fill(0);
    this.chain.fill(0);
    this.activeChain = 0;
    this.chains = 0;
    this.inOutage.fill(0);
    this.ratesStale = true;
    this.time = 0;
    this.done = false;
    this.recorder = recorder;
    const out = this.outcome;
    out.nuclearUse = 0;
    out.time = this.model.horizon;
    out.origin = 0;
    out.user = -1;
    out.highestRung.set(this.model.initialRung);
    out.counts.fill(0);
    if (this.tilt !== null) {
      out.logWeight = 0;
      out.siteTrials.fill(0);
      out.siteHits.fill(0);
    }
  }

  /**
   * A Bernoulli decision at `site` that succeeds when u < p. Under a tilt it succeeds when
   * u < p' instead and the trial's weight takes the ratio of the two probabilities.
   */
  chance(site: number, u: number, p: number): boolean {
    if (this.tilt === null) return u < p;
    const out = this.outcome;
    const hit = u < this.siteTarget[site];
    out.siteTrials[site]++;
    if (hit) {
      out.siteHits[site]++;
      out.logWeight += this.logHit[site];
    } else out.logWeight += this.logMiss[site];
    return hit;
  }

  /** The success probability a site's draws use in this run. */
  target(site: number): number {
    return this.siteTarget[site];
  }

  /**
   * A standard normal from two marks at normal site `site`, whose failure is z above the site's
   * cut. Under a tilt, the side of the cut is a weighted draw from u (`chance`), and z is placed
   * within that side by inverting Φ at v: the normal's law on each side is untouched, so the weight
   * is exactly the Bernoulli one.
   */
  normal(site: number, u: number, v: number): number {
    if (this.tilt === null) return normalFrom(u, v);
    const q = this.siteBase[site];
    // An untilted site keeps the plain draw (and so the plain outcome); it only counts its side.
    if (this.siteTarget[site] === q) {
      const z = normalFrom(u, v);
      this.chance(site, z > this.siteCut[site] ? 0 : 1, q);
      return z;
    }
    return this.chance(site, u, q) ? -normalQuantile(v * q) : normalQuantile(v * (1 - q));
  }

  /**
   * Ends a tilted trial at the current time: each process with n events, run at theta times its
   * rate over an integrated original rate L, contributes theta^−n exp((theta − 1) L) to the weight.
   */
  closeTilt(): void {
    const tilt = this.tilt;
    if (tilt === null) return;
    const out = this.outcome;
    const active = this.model.activeProcesses;
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const theta = tilt.rate[p];
      const tilted = this.clock[p] + this.rates[p] * (this.time - this.syncedAt[p]);
      const exposure = tilted / theta;
      const n = this.eventIndex[p];
      out.processEvents[p] = n;
      out.exposure[p] = exposure;
      if (theta !== 1) out.logWeight += (theta - 1) * exposure - n * Math.log(theta);
    }
  }

  /** The other actor, or -1 in a one-actor scenario. */
  other(actor: number): number {
    return this.model.actorCount > 1 ? 1 - actor : -1;
  }

  /**
   * Process p fires: its marks become the current ones, and the unit exponential that separates it
   * from its next event is returned (both from the event's own block of counters).
   */
  fire(p: number): number {
    const stream = this.processStream[p];
    this.markStream = stream;
    this.markBase = this.eventIndex[p] * BLOCK;
    this.eventIndex[p]++;
    return -Math.log(stream.uniform(this.markBase + BLOCK + ARRIVAL));
  }

  /** A mark of the event being handled (see `Mark`). */
  mark(slot: number): number {
    return (this.markStream as CounterStream).uniform(this.markBase + slot);
  }

  /** Starts a new causal chain and makes it the active one. */
  newChain(): number {
    this.activeChain = ++this.chains;
    return this.activeChain;
  }

  record(kind: number, actor: number, x = 0, y = 0, z = 0): void {
    this.recorder?.record(this.time, kind, actor, x, y, z, this.activeChain);
  }
}
