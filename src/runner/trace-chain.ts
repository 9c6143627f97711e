import { DecisionOutcome, ORIGIN_NAMES, TraceKind } from '../engine/index.ts';
import { DOMAINS, RUNGS } from '../scenario/index.ts';

/** One event as the engine records it: kind and its three arguments (engine/codes.ts). */
export interface RawTraceEvent {
  readonly minute: number;
  readonly kind: number;
  /** Actor index, or -1. */
  readonly actor: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** What each origin's track was in truth (TRACK_KINDS order: genuine, benign, false alarm). */
const TRUTH_OF_ORIGIN: Readonly<Record<number, number>> = { 1: 2, 2: 1, 3: 0 };
const TRUTH_WORDS = [
  'genuine hostile activity',
  'benign but ambiguous activity',
  'a sensor false alarm',
];
/** Decisions that let the action go ahead (the chain goes on from them). */
const ACTING = new Set<number>([
  DecisionOutcome.autonomous,
  DecisionOutcome.approved,
  DecisionOutcome.biasDeferral,
  DecisionOutcome.timeoutAct,
  DecisionOutcome.vetoWindowLapsed,
]);
/** Up to this many steps up the ladder are named one by one; more are counted. */
const NAMED_RISES = 3;

const rung = (r: number) => RUNGS[r].replaceAll('_', ' ');
/** A span in the unit that reads best: seconds, minutes, hours or days. */
function duration(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  if (seconds < 60) return `${seconds} s`;
  if (minutes < 120) return `${minutes.toFixed(1)} min`;
  if (minutes < 2880) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

/**
 * A trial's causal chain in a few plain steps, from what started it to the first nuclear use
 * (e.g. "north: ballistic track, in truth a sensor false alarm", "labelled hostile by the AI
 * (confidence 96.9%)", "no veto inside the 3.0 min window", ...); empty without nuclear use.
 */
export function causalChain(events: readonly RawTraceEvent[], actors: readonly string[]): string[] {
  const useAt = events.findIndex((e) => e.kind === TraceKind.nuclearUse);
  if (useAt < 0) return [];
  const use = events[useAt];
  const origin = use.y;
  const name = (a: number) => actors[a] ?? 'an actor';
  const riseOf = (e: RawTraceEvent) =>
    e.kind === TraceKind.rungChange && e.y > e.x && e.z === origin;
  const firstAt = events.findIndex((e, i) => i <= useAt && riseOf(e));
  const start = firstAt < 0 ? useAt : firstAt;
  const trigger = triggerSteps(events, start, origin, events[start].actor, name);
  // The rise that is the use itself is told by the last step.
  const rises = events
    .slice(start, useAt + 1)
    .filter((e) => riseOf(e) && !(e.actor === use.actor && e.y === use.x));
  const actorsRising = new Set(rises.map((e) => e.actor));
  const climb =
    rises.length === 0
      ? []
      : rises.length <= NAMED_RISES
        ? rises.map((e) => `${name(e.actor)} to ${rung(e.y)}`)
        : [
            `${rises.length} steps up the ladder by ${actorsRising.size > 1 ? 'both sides' : name(rises[0].actor)} over ${duration(use.minute - rises[0].minute)}, to ${rung(rises.reduce((m, e) => Math.max(m, e.y), 0))}`,
          ];
  return [
    ...trigger,
    ...climb,
    `${name(use.actor)}: ${rung(use.x)}, day ${(use.minute / 1440).toFixed(2)}`,
  ];
}

/** How the chain began, from the events before its first step up (`start`). */
function triggerSteps(
  events: readonly RawTraceEvent[],
  start: number,
  origin: number,
  actor: number,
  name: (a: number) => string,
): string[] {
  const before = (i: number, test: (e: RawTraceEvent) => boolean) => {
    for (let j = i - 1; j >= 0; j--) if (test(events[j])) return j;
    return -1;
  };
  const truth = TRUTH_OF_ORIGIN[origin];
  if (truth !== undefined) {
    // The latest decision of that side that let a hostile label of this kind of track through.
    for (let d = start; (d = before(d, (e) => e.kind === TraceKind.decision)) >= 0;) {
      const decision = events[d];
      if (decision.actor !== actor || !ACTING.has(decision.x)) continue;
      const label = before(d, (e) => e.kind === TraceKind.labelHostile && e.actor === actor);
      if (label < 0) break;
      const { x: domain, y: confidence, z: ai } = events[label];
      const track = before(label, (e) => e.kind === TraceKind.track && e.actor === actor);
      if (track < 0 || events[track].x !== domain || events[track].y !== truth) continue;
      const confirmed = events
        .slice(label, d)
        .some((e) => e.kind === TraceKind.confirmation && e.y === 1);
      return [
        `${name(actor)}: ${DOMAINS[domain]} track, in truth ${TRUTH_WORDS[truth]}`,
        `labelled hostile by ${ai === 1 ? 'the AI' : 'the legacy chain'} (confidence ${(100 * confidence).toFixed(1)}%)`,
        ...(confirmed ? ['confirmed by a second phenomenology'] : []),
        decisionWords(decision),
      ];
    }
  }
  if (origin === 4) {
    const misread = before(start + 1, (e) => e.kind === TraceKind.decapitationMisread);
    if (misread >= 0) {
      const who = events[misread].actor;
      const outage = before(misread, (e) => e.kind === TraceKind.outageStart && e.actor === who);
      return [
        ...(outage >= 0
          ? [`${name(who)} loses its leadership-to-forces link for ${duration(events[outage].x)}`]
          : []),
        events[misread].x === 1
          ? 'read as decapitation: forces use pre-delegated authority'
          : 'read as decapitation',
      ];
    }
  }
  if (origin === 6) {
    const strike = before(start + 1, (e) => e.kind === TraceKind.strike && e.y === 0);
    if (strike >= 0)
      return [
        `${name(events[strike].actor)} launches its declared disarming strike on ${name(events[strike].x)}`,
      ];
  }
  return [`${ORIGIN_NAMES[origin]} (${name(actor)})`];
}

/** "after 5.7 min", or "at once" for a decision that took no time (the analytic scenario's). */
const after = (minutes: number) =>
  Math.round(minutes * 60) === 0 ? 'at once' : `after ${duration(minutes)}`;

function decisionWords(e: RawTraceEvent): string {
  const window = `${duration(e.z)} window`;
  switch (e.x) {
    case DecisionOutcome.autonomous:
      return 'the AI acts on its own';
    case DecisionOutcome.approved:
      return `approved by the human ${after(e.y)}`;
    case DecisionOutcome.biasDeferral:
      return `approved by the human ${after(e.y)}, deferring to the AI`;
    case DecisionOutcome.timeoutAct:
      return `no decision inside the ${window}: the doctrine default acts`;
    default:
      return `no veto inside the ${window}`;
  }
}
