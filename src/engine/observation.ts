/** What a side has seen recently, kind by kind (the `value` of each kind in parentheses). */
export const SeenKind = {
  /** An alert reached its decision (the domain). */
  alert: 0,
  /** It decided (the choice). */
  decision: 1,
  /** Its own rung changed (the new rung). */
  ownRung: 2,
  /** It perceived the other side at a rung (that rung). */
  perceivedRung: 3,
  /** Its leadership link went down (0). */
  linkDown: 4,
  /** Its leadership link came back (0). */
  linkUp: 5,
} as const;
export const SEEN_KIND_NAMES = [
  'alert',
  'decision',
  'own_rung',
  'perceived_rung',
  'link_down',
  'link_up',
] as const;

/** How many recent events an observation carries. */
export const RECENT_EVENTS = 8;

/**
 * What one side knows at a decision point: never the ground truth (whether a track is genuine),
 * never the other side's true rung. Fields that do not apply at a point hold -1 or NaN. The
 * engine owns and reuses the object: read it during `decide`, copy what you keep
 * (`snapshotObservation`).
 */
export interface Observation {
  /** The decision point (`DecisionPoint`). */
  readonly point: number;
  /** The deciding actor's index. */
  readonly actor: number;
  /** Minutes since the crisis began. */
  readonly minute: number;
  /** The side's authority mode (0 human in the loop, 1 on the loop, 2 autonomous). */
  readonly mode: number;
  /** Its own rung, and the other side's as it last perceived it (-1 with no other side). */
  readonly ownRung: number;
  readonly perceivedRung: number;
  /** Alert: the track's domain, whether the AI labelled it, its reported confidence. */
  readonly domain: number;
  readonly byAi: boolean;
  readonly confidence: number;
  /** Alert: 1 confirmed by a second phenomenology, -1 no second sensor in this domain. */
  readonly confirmed: number;
  /** Alert: minutes left to decide (the decision window); NaN elsewhere. */
  readonly windowMinutes: number;
  /** Alert: the rung the doctrine responds at if the side acts. */
  readonly responseRung: number;
  /** Whether the link to leadership is up, and (outage) for how many minutes it has been down. */
  readonly linkUp: boolean;
  readonly outageMinutes: number;
  /** Recent events this side saw, oldest first: `recentCount` of them. */
  readonly recentCount: number;
  recentKind(i: number): number;
  recentMinute(i: number): number;
  recentValue(i: number): number;
}

/** The engine's one mutable Observation, and each actor's log of recent events (a ring). */
export class ObservationState implements Observation {
  point = 0;
  actor = 0;
  minute = 0;
  mode = 0;
  ownRung = 0;
  perceivedRung = -1;
  domain = -1;
  byAi = false;
  confidence = NaN;
  confirmed = -1;
  windowMinutes = NaN;
  responseRung = -1;
  linkUp = true;
  outageMinutes = 0;
  private readonly log: Float64Array;
  private readonly head: Int32Array;
  private readonly count: Int32Array;

  constructor(actorCount: number) {
    this.log = new Float64Array(actorCount * RECENT_EVENTS * 3);
    this.head = new Int32Array(actorCount);
    this.count = new Int32Array(actorCount);
  }

  /** Forgets every actor's log (a new trial). */
  clear(): void {
    // Loops, not fill: on arrays this small the builtin's call cost dominates a short trial.
    for (let a = 0; a < this.head.length; a++) {
      this.head[a] = 0;
      this.count[a] = 0;
    }
  }

  /** Actor a saw an event. */
  see(a: number, minute: number, kind: number, value: number): void {
    const slot = (a * RECENT_EVENTS + this.head[a]) * 3;
    this.log[slot] = minute;
    this.log[slot + 1] = kind;
    this.log[slot + 2] = value;
    const next = this.head[a] + 1;
    this.head[a] = next === RECENT_EVENTS ? 0 : next;
    if (this.count[a] < RECENT_EVENTS) this.count[a]++;
  }

  /** Starts a new question: who is asked, where, when, under which mode; clears the rest. */
  begin(point: number, actor: number, minute: number, mode: number): void {
    this.point = point;
    this.actor = actor;
    this.minute = minute;
    this.mode = mode;
    this.domain = -1;
    this.byAi = false;
    this.confidence = NaN;
    this.confirmed = -1;
    this.windowMinutes = NaN;
    this.responseRung = -1;
    this.outageMinutes = 0;
  }

  get recentCount(): number {
    return this.count[this.actor];
  }

  private slot(i: number): number {
    const a = this.actor;
    const oldest = (this.head[a] - this.count[a] + RECENT_EVENTS) % RECENT_EVENTS;
    return (a * RECENT_EVENTS + ((oldest + i) % RECENT_EVENTS)) * 3;
  }

  recentMinute(i: number): number {
    return this.log[this.slot(i)];
  }

  recentKind(i: number): number {
    return this.log[this.slot(i) + 1];
  }

  recentValue(i: number): number {
    return this.log[this.slot(i) + 2];
  }
}

/** A plain, detached copy of an observation: for agents that keep it, recordings and prompts. */
export type ObservationSnapshot = Omit<
  Observation,
  'recentCount' | 'recentKind' | 'recentMinute' | 'recentValue'
> & {
  readonly recent: readonly {
    readonly minute: number;
    readonly kind: number;
    readonly value: number;
  }[];
};

/** The port's Observation over a snapshot: what an agent reads, from a detached copy. */
export function observationOf(s: ObservationSnapshot): Observation {
  const { recent, ...fields } = s;
  return {
    ...fields,
    recentCount: recent.length,
    recentMinute: (i) => recent[i].minute,
    recentKind: (i) => recent[i].kind,
    recentValue: (i) => recent[i].value,
  };
}

export function snapshotObservation(o: Observation): ObservationSnapshot {
  const recent = [];
  for (let i = 0; i < o.recentCount; i++) {
    recent.push({ minute: o.recentMinute(i), kind: o.recentKind(i), value: o.recentValue(i) });
  }
  return {
    point: o.point,
    actor: o.actor,
    minute: o.minute,
    mode: o.mode,
    ownRung: o.ownRung,
    perceivedRung: o.perceivedRung,
    domain: o.domain,
    byAi: o.byAi,
    confidence: o.confidence,
    confirmed: o.confirmed,
    windowMinutes: o.windowMinutes,
    responseRung: o.responseRung,
    linkUp: o.linkUp,
    outageMinutes: o.outageMinutes,
    recent,
  };
}
