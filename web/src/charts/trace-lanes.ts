import type { TraceResult } from '../api/types.ts';
import { RISK_COLOUR } from './style.ts';

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
  attackConfirmation: 'decisions',
  unanswered: 'decisions',
  blocked: 'comms',
  strikeImpact: 'comms',
  perceived: 'escalation',
  rungChange: 'escalation',
  nuclearUse: 'escalation',
};

/** A colour per kind (Okabe–Ito first, then Tol's muted set), so no two legend entries match. */
export const TRACE_KIND_COLOURS: Readonly<Record<string, string>> = {
  track: '#0072B2',
  labelHostile: '#E69F00',
  belowThreshold: '#AAAAAA',
  confirmation: '#56B4E9',
  decision: '#CC79A7',
  responseMoot: '#777777',
  perceived: '#009E73',
  perceivedDown: '#44AA99',
  rungChange: '#D55E00',
  nuclearUse: RISK_COLOUR,
  decapitationMisread: '#AA4499',
  hotlineClarified: '#117733',
  unanswered: '#882255',
  blocked: '#332288',
  attackConfirmation: '#88CCEE',
  strike: '#000000',
  strikeImpact: '#661100',
  decapitation: '#999933',
  horizon: '#DDDDDD',
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
