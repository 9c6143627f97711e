/**
 * Random streams. Every Poisson process (each actor x domain x kind of track, each actor's outages,
 * decay and intent) has its own stream, which gives both its arrival times and the marks of each
 * of its events (label, confidence, confirmation, hotline, human time and choice; outage length
 * and misread), a fixed number per event. So the k-th false alarm of a sensor meets the same
 * classifier draw and the same human in every variant of a scenario: common random numbers per
 * event, not just per mechanism. The ladder (perception) has a stream of its own, and so has each
 * actor's decision-maker for the choices that have no event marks (answers to perceived rises), and
 * each actor's declared disarming strike.
 */
export const Stream = { ladder: 0, firstAgent: 1, firstStrike: 8, firstProcess: 16 } as const;

/** Counters reserved per event of a process: marks first, the next arrival's draw last. */
export const BLOCK = 16;
export const ARRIVAL = BLOCK - 1;
/**
 * Negative counters of a track process's stream, below every event's block: the count of its
 * benign labels at the end of the trial, and (traces only) where in time each of them fell.
 */
export const QUIET_COUNT = -1;
export const QUIET_TIMES = -(1 << 24);

/**
 * The marks an event may use, by counter slot within its block (computed only when used). Slot 0
 * was a track's label draw; thinning now decides the label, and the other marks keep their slots.
 */
export const Mark = {
  confidenceU: 1,
  confidenceV: 2,
  confirmation: 3,
  hotline: 4,
  humanTimeU: 5,
  humanTimeV: 6,
  choice: 7,
  attackConfirmation: 8,
  // Outages reuse the first three.
  durationU: 0,
  durationV: 1,
  misread: 2,
} as const;
