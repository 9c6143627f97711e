import { CounterCursor, CounterStream, Rng } from '../random/index.ts';
import { Count, Flag, TraceKind } from './codes.ts';
import { D, K, PROCESSES_PER_ACTOR, type CompiledModel } from './compiled-model.ts';
import { EngineDraws } from './engine-draws.ts';
import { AgentError, type Decision, type DecisionMaker } from './decision-maker.ts';
import { AgentStreams } from './agent-streams.ts';
import { ObservationState } from './observation.ts';
import { EventQueue } from './event-queue.ts';
import { MinTree } from './min-tree.ts';
import type { Recorder } from './recorder.ts';
import { ARRIVAL, BLOCK, Stream } from './event-marks.ts';
import { SiteDraws } from './site-draws.ts';
import { Site, siteIndex, type Tilt } from './tilt.ts';
import { TrialOutcome } from './trial-outcome.ts';

/** Mutable state of the trial in progress; one per simulator, reset between trials. */
export class TrialContext {
  private readonly ladderRng = new Rng();
  private ladderKeyed = false;
  /** The trial's seed and number (set by `reset`; read by the draws and branch.ts). */
  seed = 0;
  trial = 0;
  /** One counter stream per process (index as in `rates`); only active processes are keyed. */
  readonly processStream: CounterStream[];
  /** Events each process has fired so far in this trial (for a track process: hostile labels). */
  readonly eventIndex: Int32Array;
  /**
   * P(an event of the process is handled one by one): for a track process, the probability its
   * label is hostile in this run (tilted or not); 1 for outages, decay and intent.
   */
  readonly flagged: Float64Array;
  /** Tracks labelled benign, per track process, counted when the trial ends (can pass 2^31). */
  readonly quiet: Float64Array;
  /** Walks a stream's negative counters for the end-of-trial draws. */
  readonly quietSource = new CounterCursor();
  private markStream: CounterStream | undefined = undefined;
  private markBase = 0;
  /**
   * Integrated rate of each process other than tracks since the trial began (its internal clock),
   * and the trial time it was last brought up to date.
   */
  readonly clock: Float64Array;
  readonly syncedAt: Float64Array;
  /**
   * Internal time at which each process fires next: a running sum of unit exponentials over
   * P(fired). For a track process it is measured on the shared track clock (`trackClock`), in
   * units of the process's own scale.
   */
  readonly threshold: Float64Array;
  /**
   * Trial time at which each process other than tracks (by its place in `otherProcesses`) fires
   * next at its current rate (Infinity at rate 0).
   */
  readonly fireAt: MinTree;
  /**
   * Every track process runs at its own constant scale (`trackScale`: its base rate times its
   * tilt) times one multiplier shared by all of them, that of the highest rung. So one clock, the
   * integral of that multiplier, serves them all: process p fires when the clock reaches
   * `threshold[p]`, and a change of rung moves one number instead of every track process.
   */
  trackClock = 0;
  trackSyncedAt = 0;
  trackMultiplier = 0;
  readonly trackScale: Float64Array;
  /** Track-clock value at which each track process (by its place in `trackProcesses`) fires. */
  readonly trackAt: MinTree;
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
  /** Minute of each actor's last hostile label (-Infinity before one), for coincidence. */
  readonly lastHostile: Float64Array;
  /** Per actor: struck by a disarming strike; its leadership destroyed; a successor survived. */
  readonly struck: Uint8Array;
  readonly leaderless: Uint8Array;
  readonly commandSurvives: Uint8Array;
  private readonly strikeStreams: CounterStream[];
  /** Current rate of every process, per minute. */
  readonly rates: Float64Array;
  /** Leaf of each process in `trackAt` or `fireAt`; -1 if inactive. */
  readonly leafOf: Int32Array;
  /** Active track processes, whose rates all follow the highest rung (`level`). */
  readonly trackProcesses: Int32Array;
  /** Active outage, decay and intent processes. */
  readonly otherProcesses: Int32Array;
  /** Rates to recompute before the next event: any, the tracks' level, each actor's own. */
  ratesStale = true;
  levelStale = true;
  readonly actorStale: Uint8Array;
  /** Highest rung of any actor when the track rates were last set; -1 before the first time. */
  level = -1;
  /**
   * The rates every trial starts with (`keepStartingRates`): the tracks' level and multiplier and
   * each other process's rate; null until kept, when `reset` leaves them to the first refresh.
   */
  private starting: { level: number; multiplier: number; rates: Float64Array } | null = null;
  time = 0;
  done = false;
  recorder: Recorder | undefined = undefined;
  readonly outcome: TrialOutcome;
  /** Draws at failure sites, weighed under importance sampling. */
  readonly sites: SiteDraws;
  /** The question put to a decision-maker, its answer, and the draws it may use. */
  readonly observation: ObservationState;
  /** Per actor: 1 when its agent reads the recent events (DecisionMaker.readsRecentEvents). */
  private readonly logsRecent: Uint8Array;
  /** The decision-maker's answer, reused (ask-decision.ts). */
  readonly answer: Decision = {
    choice: 0,
    minutes: 0,
    deferredToMachine: false,
    reason: '',
  };
  readonly draws: EngineDraws;
  /** The other side's rung as each actor last perceived it (-1 with no other side). */
  readonly perceived: Int32Array;
  /** Each actor's stream for choices without event marks (answers to perceived rises). */
  readonly agentStreams: AgentStreams;
  /**
   * Whether a trial goes on past the first nuclear use (to general war or the horizon). Under
   * importance sampling it ends there, as the tilt search and the weights assume, and so it does
   * where nothing reported could change after it (`firstUseEndsTrial`).
   */
  readonly playPastUse: boolean;
  /** Decisions asked so far in this trial. */
  asked = 0;
  /**
   * Which decision (0-based, in the order asked) the trial branches at, and the branch's key
   * (1 to `MAX_BRANCH_KEY`); -1: never (the default, every ordinary trial).
   */
  branchAt = -1;
  branchKey = 0;
  /** Added to every stream id after the branch: key × 2^20, above every stream id in use. */
  private streamOffset = 0;

  constructor(
    readonly model: CompiledModel,
    /** One decision-maker per actor, in the model's actor order. */
    readonly agents: readonly DecisionMaker[],
    /** The change of measure of importance sampling; null for plain Monte Carlo. */
    readonly tilt: Tilt | null = null,
  ) {
    const A = model.actorCount;
    if (agents.length !== A) {
      throw new AgentError(`the model has ${A} actors but ${agents.length} decision-makers`);
    }
    this.playPastUse = tilt === null && !model.firstUseEndsTrial;
    this.observation = new ObservationState(A);
    // Logging what a side saw costs every decision; skipped for agents that never read it.
    this.logsRecent = Uint8Array.from(agents, (g) => (g.readsRecentEvents === false ? 0 : 1));
    this.draws = new EngineDraws(this);
    this.perceived = new Int32Array(A);
    this.agentStreams = new AgentStreams(A);
    this.rung = new Int32Array(A);
    this.origin = new Int32Array(A);
    this.chain = new Int32Array(A);
    this.inOutage = new Uint8Array(A);
    this.lastHostile = new Float64Array(A);
    this.struck = new Uint8Array(A);
    this.leaderless = new Uint8Array(A);
    this.commandSurvives = new Uint8Array(A);
    this.strikeStreams = Array.from({ length: A }, () => new CounterStream());
    const P = A * PROCESSES_PER_ACTOR;
    this.rates = new Float64Array(P);
    this.actorStale = new Uint8Array(A);
    this.leafOf = new Int32Array(P).fill(-1);
    const active = model.activeProcesses;
    this.trackProcesses = active.filter((p) => p % PROCESSES_PER_ACTOR < D * K);
    this.otherProcesses = active.filter((p) => p % PROCESSES_PER_ACTOR >= D * K);
    this.trackProcesses.forEach((p, i) => (this.leafOf[p] = i));
    this.otherProcesses.forEach((p, i) => (this.leafOf[p] = i));
    this.trackScale = new Float64Array(P);
    for (const p of this.trackProcesses) {
      const a = (p / PROCESSES_PER_ACTOR) | 0;
      const base = model.trackRate[a * D * K + (p - a * PROCESSES_PER_ACTOR)];
      this.trackScale[p] = tilt === null ? base : base * tilt.rate[p];
    }
    this.trackAt = new MinTree(this.trackProcesses.length);
    this.processStream = Array.from({ length: P }, () => new CounterStream());
    this.eventIndex = new Int32Array(P);
    this.quiet = new Float64Array(P);
    this.clock = new Float64Array(P);
    this.threshold = new Float64Array(P);
    this.syncedAt = new Float64Array(P);
    this.fireAt = new MinTree(this.otherProcesses.length);
    this.rates.fill(0);
    this.misreadDraw = new Float64Array(A);
    this.outcome = new TrialOutcome(A);
    this.sites = new SiteDraws(model, tilt, this.outcome);
    this.flagged = new Float64Array(P).fill(1);
    for (let a = 0; a < A; a++) {
      for (let d = 0; d < D; d++) {
        for (let k = 0; k < K; k++) {
          // Kind 0 is genuine activity (TRACK_KINDS); the other kinds fail at the label site.
          const hostile =
            k === 0
              ? 1 - model.falseNegative[a * D + d]
              : this.sites.target(siteIndex(A, Site.label, a, d));
          this.flagged[a * PROCESSES_PER_ACTOR + d * K + k] = hostile;
        }
      }
    }
  }

  /** The ladder's stream, keyed on first use (most trials of most scenarios never need it). */
  get ladder(): Rng {
    if (!this.ladderKeyed) {
      this.ladderRng.reseed(this.seed, this.trial, Stream.ladder + this.streamOffset);
      this.ladderKeyed = true;
    }
    return this.ladderRng;
  }

  reset(seed: number, trial: number, recorder: Recorder | undefined): void {
    this.seed = seed;
    this.trial = trial;
    this.ladderKeyed = false;
    this.asked = 0;
    this.streamOffset = 0;
    const tracks = this.trackProcesses;
    for (let i = 0; i < tracks.length; i++) {
      const p = tracks[i];
      const stream = this.processStream[p];
      stream.reseed(seed, trial, Stream.firstProcess + p);
      this.eventIndex[p] = 0;
      this.quiet[p] = 0;
      this.threshold[p] =
        -Math.log(stream.uniform(ARRIVAL)) / (this.flagged[p] * this.trackScale[p]);
      this.trackAt.setQuiet(i, this.threshold[p]);
    }
    this.trackAt.rebuild();
    this.trackClock = 0;
    this.trackSyncedAt = 0;
    // A traced trial refreshes its rates at the start as before, so its record of rates has them.
    const start = recorder === undefined ? this.starting : null;
    const others = this.otherProcesses;
    for (let i = 0; i < others.length; i++) {
      const p = others[i];
      const stream = this.processStream[p];
      stream.reseed(seed, trial, Stream.firstProcess + p);
      this.eventIndex[p] = 0;
      this.clock[p] = 0;
      this.syncedAt[p] = 0;
      this.threshold[p] = -Math.log(stream.uniform(ARRIVAL));
      // At time 0 with the clock at 0, a process at rate r fires at threshold / r (setRate's value).
      const r = start === null ? 0 : start.rates[p];
      this.rates[p] = r;
      this.fireAt.setQuiet(i, r > 0 ? this.threshold[p] / r : Infinity);
    }
    this.fireAt.rebuild();
    this.queue.clear();
    // Loops, not fill/set: on arrays this small the builtins' call cost dominates a short trial.
    const initial = this.model.initialRung;
    const strikes = this.model.strikes;
    const pair = initial.length > 1;
    for (let a = 0; a < initial.length; a++) {
      this.rung[a] = initial[a];
      this.origin[a] = 0;
      this.chain[a] = 0;
      this.inOutage[a] = 0;
      this.lastHostile[a] = -Infinity;
      this.struck[a] = 0;
      this.leaderless[a] = 0;
      this.commandSurvives[a] = 0;
      this.actorStale[a] = start === null ? 1 : 0;
      this.perceived[a] = pair ? initial[1 - a] : -1;
      if (strikes) this.strikeStreams[a].reseed(seed, trial, Stream.firstStrike + a);
    }
    this.agentStreams.restart(seed, trial);
    this.observation.clear();
    this.trackMultiplier = start === null ? 0 : start.multiplier;
    this.level = start === null ? -1 : start.level;
    this.levelStale = start === null;
    this.ratesStale = start === null;
    this.activeChain = 0;
    this.chains = 0;
    this.time = 0;
    this.done = false;
    this.recorder = recorder;
    this.outcome.clear(this.model.horizon, initial, this.tilt !== null);
  }

  /**
   * Keeps the rates as refreshed at the start of a trial, which are the same in every trial (the
   * initial rungs, no outage), so later trials start with them instead of a refresh (the
   * simulator calls it once, after the first refresh).
   */
  keepStartingRates(): void {
    this.starting = {
      level: this.level,
      multiplier: this.trackMultiplier,
      rates: this.rates.slice(),
    };
  }

  /**
   * Keys every stream not tied to a process by `offset` from now on (a branch, branch.ts): the
   * ladder and agent streams on their next use, a declared strike's marks at once (a strike
   * already scheduled keeps its time).
   */
  offsetStreams(offset: number): void {
    this.streamOffset = offset;
    this.ladderKeyed = false;
    this.agentStreams.restart(this.seed, this.trial, offset);
    if (this.model.strikes) {
      for (let a = 0; a < this.strikeStreams.length; a++) {
        this.strikeStreams[a].reseed(this.seed, this.trial, Stream.firstStrike + a + offset);
      }
    }
  }

  /** An actor's rung changed: the track rates may follow, and its own processes do. */
  rungChanged(actor: number): void {
    this.ratesStale = true;
    this.levelStale = true;
    this.actorStale[actor] = 1;
  }

  /** An actor's outage began or ended: its outage process starts or stops. */
  outageChanged(actor: number): void {
    this.ratesStale = true;
    this.actorStale[actor] = 1;
  }

  /**
   * Process p (not a track) runs at rate r from now: its clock is brought up to now at the old rate
   * and its next firing recomputed.
   */
  setRate(p: number, r: number): void {
    const old = this.rates[p];
    if (r === old) return;
    const now = this.time;
    this.clock[p] += old * (now - this.syncedAt[p]);
    this.syncedAt[p] = now;
    this.rates[p] = r;
    this.fireAt.set(
      this.leafOf[p],
      r > 0 ? now + (this.threshold[p] - this.clock[p]) / r : Infinity,
    );
  }

  /** Every track process runs at its scale times `multiplier` from now. */
  setTrackMultiplier(multiplier: number): void {
    this.trackClock += this.trackMultiplier * (this.time - this.trackSyncedAt);
    this.trackSyncedAt = this.time;
    this.trackMultiplier = multiplier;
  }

  /** Integrated rate of process p (as run, tilted or not) from the start of the trial to now. */
  integrated(p: number): number {
    if (this.trackScale[p] > 0) {
      const clock = this.trackClock + this.trackMultiplier * (this.time - this.trackSyncedAt);
      return this.trackScale[p] * clock;
    }
    return this.clock[p] + this.rates[p] * (this.time - this.syncedAt[p]);
  }

  /** The current rate of every process, tracks included (for a trace's record of rates). */
  currentRates(): Float64Array {
    const tracks = this.trackProcesses;
    for (let i = 0; i < tracks.length; i++) {
      const p = tracks[i];
      this.rates[p] = this.trackScale[p] * this.trackMultiplier;
    }
    return this.rates;
  }

  /** The other actor, or -1 in a one-actor scenario. */
  other(actor: number): number {
    return this.model.actorCount > 1 ? 1 - actor : -1;
  }

  /**
   * Process p fires: its marks become the current ones, and the internal time to its next fired
   * event is returned: a unit exponential over the probability an event is fired (both from the
   * event's own block of counters).
   */
  fire(p: number): number {
    const stream = this.processStream[p];
    this.markStream = stream;
    this.markBase = this.eventIndex[p] * BLOCK;
    this.eventIndex[p]++;
    return -Math.log(stream.uniform(this.markBase + BLOCK + ARRIVAL)) / this.flagged[p];
  }

  /** Marks from `stream`'s block at `base` from now (an event that is not a process's). */
  useMarks(stream: CounterStream, base: number): void {
    this.markStream = stream;
    this.markBase = base;
  }

  /** The stream of actor a's declared disarming strike. */
  strikeStream(a: number): CounterStream {
    return this.strikeStreams[a];
  }

  /** Whether an order (or veto) of actor a reaches its forces: the link is up, or a successor survived. */
  canOrder(a: number): boolean {
    return this.inOutage[a] === 0 || this.commandSurvives[a] === 1;
  }

  /** An order (1) or veto (0) the cut leadership link could not carry. */
  blocked(a: number, order: number): void {
    this.outcome.counts[order === 1 ? Count.blockedOrders : Count.blockedVetoes]++;
    this.record(TraceKind.blocked, a, order);
  }

  /** A mark of the event being handled (see `Mark`). */
  mark(slot: number): number {
    return (this.markStream as CounterStream).uniform(this.markBase + slot);
  }

  /** A genuine attack on actor a in `domain` met no response before impact. */
  unanswered(a: number, domain: number): void {
    this.outcome.counts[Count.unansweredAttacks]++;
    this.outcome.flags[Flag.unansweredAttack] = 1;
    this.outcome.unansweredOn[a] = 1;
    this.record(TraceKind.unanswered, a, domain);
  }

  /** Actor a saw an event (its observation log). */
  see(a: number, kind: number, value: number): void {
    if (this.logsRecent[a] === 1) this.observation.see(a, this.time, kind, value);
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
