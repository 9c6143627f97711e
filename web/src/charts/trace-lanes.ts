import type { TraceResult } from '../api/types.ts';

/** The timeline's lanes within each actor, top to bottom. */
export const LANES = ['tracks', 'AI labels', 'comms', 'decisions', 'escalation'] as const;
export type Lane = (typeof LANES)[number];

export interface LaneEvent {
  readonly actor: string;
  readonly lane: Lane;
  readonly day: number;
  readonly kind: string;
  readonly text: string;
  readonly minute: number;
  /** A track the AI labelled benign: most of the events, drawn faintly. */
  readonly quiet: boolean;
}

export interface Outage {
  readonly actor: string;
  readonly from: number;
  readonly to: number;
}

const LANE_OF: Readonly<Record<string, Lane>> = {
  track: 'tracks',
  labelBenign: 'AI labels',
  labelHostile: 'AI labels',
  belowThreshold: 'AI labels',
  confirmation: 'AI labels',
  decapitationMisread: 'AI labels',
  hotlineClarified: 'comms',
  outageStart: 'comms',
  outageEnd: 'comms',
  decision: 'decisions',
  responseMoot: 'decisions',
  perceived: 'escalation',
  rungChange: 'escalation',
  nuclearUse: 'escalation',
};

/** No actor (e.g. the horizon) is drawn on a lane of its own. */
export const WORLD = 'both';

/** Splits a trace into lane events and comms outages (start to end, or to the last event). */
export function traceLanes(trace: TraceResult): { events: LaneEvent[]; outages: Outage[] } {
  const all = trace.events;
  const lastDay = all.length > 0 ? all[all.length - 1].minute / 1440 : 0;
  const events: LaneEvent[] = [];
  const outages: Outage[] = [];
  const open = new Map<string, number>();
  all.forEach((e, i) => {
    const actor = e.actor ?? WORLD;
    const day = e.minute / 1440;
    if (e.kind === 'outageStart') open.set(actor, day);
    if (e.kind === 'outageEnd' && open.has(actor)) {
      outages.push({ actor, from: open.get(actor) ?? day, to: day });
      open.delete(actor);
    }
    if (e.kind === 'labelBenign') return;
    const quiet = e.kind === 'track' && all[i + 1]?.kind === 'labelBenign';
    const lane = LANE_OF[e.kind] ?? 'escalation';
    events.push({ actor, lane, day, kind: e.kind, text: e.text, minute: e.minute, quiet });
  });
  open.forEach((from, actor) => outages.push({ actor, from, to: lastDay }));
  return { events, outages };
}
