import { Rng } from '../random/index.ts';
import { PROCESSES_PER_ACTOR, type CompiledModel } from './compiled-model.ts';
import { EventQueue } from './event-queue.ts';
import type { Recorder } from './recorder.ts';
import { TrialOutcome } from './trial-outcome.ts';

/** One random stream per mechanism, so a change in one mechanism leaves the others' draws alone. */
export const Stream = {
  arrivals: 0,
  classification: 1,
  decision: 2,
  ladder: 3,
  comms: 4,
  hotline: 5,
} as const;

/** Mutable state of the trial in progress; one per simulator, reset between trials. */
export class TrialContext {
  readonly arrivals = new Rng();
  readonly classification = new Rng();
  readonly decision = new Rng();
  readonly ladder = new Rng();
  readonly comms = new Rng();
  readonly hotline = new Rng();
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
  /** Current rate of every superposed process, per minute, and their total. */
  readonly rates: Float64Array;
  totalRate = 0;
  ratesStale = true;
  time = 0;
  done = false;
  recorder: Recorder | undefined = undefined;
  readonly outcome: TrialOutcome;

  constructor(readonly model: CompiledModel) {
    const A = model.actorCount;
    this.rung = new Int32Array(A);
    this.origin = new Int32Array(A);
    this.chain = new Int32Array(A);
    this.inOutage = new Uint8Array(A);
    this.rates = new Float64Array(A * PROCESSES_PER_ACTOR);
    this.outcome = new TrialOutcome(A);
  }

  reset(seed: number, trial: number, recorder: Recorder | undefined): void {
    this.arrivals.reseed(seed, trial, Stream.arrivals);
    this.classification.reseed(seed, trial, Stream.classification);
    this.decision.reseed(seed, trial, Stream.decision);
    this.ladder.reseed(seed, trial, Stream.ladder);
    this.comms.reseed(seed, trial, Stream.comms);
    this.hotline.reseed(seed, trial, Stream.hotline);
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
  }

  /** The other actor, or -1 in a one-actor scenario. */
  other(actor: number): number {
    return this.model.actorCount > 1 ? 1 - actor : -1;
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
