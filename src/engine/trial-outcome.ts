import { COUNT_NAMES, FLAG_NAMES } from './codes.ts';
import { D, PROCESSES_PER_ACTOR } from './compiled-model.ts';
import { SITE_KINDS } from './tilt.ts';

/** What one trial produced (M7); reused across trials so the loop allocates nothing. */
export class TrialOutcome {
  /** 1 if nuclear use occurred before the horizon. */
  nuclearUse = 0;
  /** Minutes from the start to the first use (horizon if none). */
  time = 0;
  /** Origin code of the first use's causal chain (codes.ts Origin); 0 if none. */
  origin = 0;
  /** Actor index that used first; -1 if none. */
  user = -1;
  /**
   * Origin of the chain that put the first user on the rung it acted from (its root); the
   * trigger's own origin when it acted from its starting rung. 0 if no use.
   */
  rootOrigin = 0;
  readonly highestRung: Int32Array;
  readonly counts = new Float64Array(COUNT_NAMES.length);
  /** 0 or 1 per `FLAG_NAMES` entry: unanswered attack, general war,
   * retaliation, a disarming strike, retaliation after it. */
  readonly flags = new Float64Array(FLAG_NAMES.length);
  /** Minutes from the start to general nuclear war (horizon if none). */
  generalWarTime = 0;
  /** 1 per actor whose side a genuine attack reached with no response (the flag, split by side). */
  readonly unansweredOn: Float64Array;
  /** Log likelihood ratio of the trial (original over tilted measure); 0 without a tilt. */
  logWeight = 0;
  /**
   * What a tilted trial saw, for the cross-entropy update of the tilt: events and untilted
   * integrated rate of each process, draws and failures of each site. Filled only under a tilt.
   */
  readonly processEvents: Float64Array;
  readonly exposure: Float64Array;
  readonly siteTrials: Int32Array;
  readonly siteHits: Int32Array;
  /**
   * At the sites whose probability the decision-maker states: the sum, least and greatest of the
   * probabilities stated (NaN bounds before the first draw). Filled only under a tilt.
   */
  readonly statedSum: Float64Array;
  readonly statedMin: Float64Array;
  readonly statedMax: Float64Array;

  constructor(actorCount: number) {
    this.highestRung = new Int32Array(actorCount);
    this.unansweredOn = new Float64Array(actorCount);
    const processes = actorCount * PROCESSES_PER_ACTOR;
    this.processEvents = new Float64Array(processes);
    this.exposure = new Float64Array(processes);
    this.siteTrials = new Int32Array(SITE_KINDS.length * actorCount * D);
    this.siteHits = new Int32Array(SITE_KINDS.length * actorCount * D);
    this.statedSum = new Float64Array(SITE_KINDS.length * actorCount * D);
    this.statedMin = new Float64Array(SITE_KINDS.length * actorCount * D).fill(NaN);
    this.statedMax = new Float64Array(SITE_KINDS.length * actorCount * D).fill(NaN);
  }

  /**
   * A new trial: nothing happened yet, by the `horizon`, each actor at its `initial` rung; the
   * importance-sampling tallies too when the trial is `tilted`.
   */
  clear(horizon: number, initial: Int32Array, tilted: boolean): void {
    this.nuclearUse = 0;
    this.time = horizon;
    this.origin = 0;
    this.user = -1;
    this.rootOrigin = 0;
    for (let a = 0; a < initial.length; a++) {
      this.highestRung[a] = initial[a];
      this.unansweredOn[a] = 0;
    }
    // fill, not a loop: at this length (every count) the builtin's memset beats a loop 3 to 1.
    this.counts.fill(0);
    for (let f = 0; f < this.flags.length; f++) this.flags[f] = 0;
    this.generalWarTime = horizon;
    if (tilted) {
      this.logWeight = 0;
      this.siteTrials.fill(0);
      this.siteHits.fill(0);
      this.statedSum.fill(0);
      this.statedMin.fill(NaN);
      this.statedMax.fill(NaN);
    }
  }
}
