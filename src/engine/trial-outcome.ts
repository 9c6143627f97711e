import { COUNT_NAMES } from './codes.ts';

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
  readonly highestRung: Int32Array;
  readonly counts = new Float64Array(COUNT_NAMES.length);

  constructor(actorCount: number) {
    this.highestRung = new Int32Array(actorCount);
  }
}
