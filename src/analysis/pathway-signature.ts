import { DecisionOutcome, TraceKind, type Recorder } from '../engine/index.ts';
import { DOMAINS, RUNGS } from '../scenario/index.ts';

/** A raw traced event, kept only for the trials a pathway analysis replays. */
export interface RawEvent {
  readonly kind: number;
  readonly actor: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly chain: number;
}

/** Collects raw events of one replayed trial. */
export class RawRecorder implements Recorder {
  readonly events: RawEvent[] = [];
  record(
    _time: number,
    kind: number,
    actor: number,
    x: number,
    y: number,
    z: number,
    chain: number,
  ) {
    this.events.push({ kind, actor, x, y, z, chain });
  }
}

const TRACK_WORDS = ['genuine incident', 'benign activity misread', 'sensor false alarm'];
const ANSWER_WORDS = ['matches', 'escalates', 'holds', 'de-escalates'];
const rung = (r: number) => RUNGS[r].replaceAll('_', ' ');

/** Coarse bands keep signatures few enough to count, fine enough to read. */
function confidenceBand(c: number): string {
  if (c >= 0.95) return '≥95%';
  if (c >= 0.8) return '80–95%';
  if (c >= 0.5) return '50–80%';
  return '<50%';
}

function minutesBand(m: number): string {
  if (m <= 3) return '≤3 min';
  if (m <= 10) return '≤10 min';
  if (m <= 30) return '≤30 min';
  return '>30 min';
}

/**
 * The sequence of mechanisms on the causal chain that ended in nuclear use, in plain words, e.g.
 * "north: sensor false alarm (ballistic) → AI hostile ≥95% → veto window lapsed (window ≤3 min) →
 * north to nuclear alert → south sees nuclear alert, matches → ...". When another chain put the
 * side that used on the rung it acted from, that enabling chain comes first, then "⇒" and the
 * trigger's chain (a false alarm's nuclear alert ⇒ a long outage read as decapitation). Rung
 * falls, moot responses and quiet tracks are left out.
 */
export function pathwaySignature(events: readonly RawEvent[], actorIds: readonly string[]): string {
  const at = events.findIndex((e) => e.kind === TraceKind.nuclearUse);
  if (at < 0) return '';
  const use = events[at];
  const name = (a: number) => actorIds[a] ?? '?';
  const stepsOf = (chain: number) =>
    events
      .slice(0, at + 1)
      .filter((e) => e.chain === chain)
      .flatMap((e) => describeStep(e, name) ?? [])
      .join(' → ');
  const trigger = stepsOf(use.chain);
  const enabling = enablingChain(events, at);
  return enabling === null ? trigger : `${stepsOf(enabling)} ⇒ ${trigger}`;
}

/**
 * The chain that put the user on the rung it acted from (the root of the use, as the engine counts
 * it), when that is not the trigger's own chain; null otherwise.
 */
function enablingChain(events: readonly RawEvent[], at: number): number | null {
  const use = events[at];
  const isMove = (e: RawEvent) => e.kind === TraceKind.rungChange && e.actor === use.actor;
  let i = at - 1;
  while (i >= 0 && !isMove(events[i])) i--;
  if (i < 0) return null;
  const from = events[i].x;
  for (let j = i - 1; j >= 0; j--) {
    const e = events[j];
    if (isMove(e) && e.y === from) return e.chain !== use.chain && e.chain !== 0 ? e.chain : null;
  }
  return null;
}
function describeStep(e: RawEvent, name: (a: number) => string): string | null {
  switch (e.kind) {
    case TraceKind.track:
      return `${name(e.actor)}: ${TRACK_WORDS[e.y]} (${DOMAINS[e.x]})`;
    case TraceKind.labelHostile:
      return `${e.z === 1 ? 'AI' : 'legacy chain'} hostile ${confidenceBand(e.y)}`;
    case TraceKind.confirmation:
      return e.y === 1 ? 'confirmed by a second sensor' : null;
    case TraceKind.decision:
      return describeDecision(e.x, e.y, e.z);
    case TraceKind.rungChange:
      return e.y > e.x ? `${name(e.actor)} to ${rung(e.y)}` : null;
    case TraceKind.perceived:
      return `${name(e.actor)} sees ${rung(e.x)}, ${ANSWER_WORDS[e.y]}`;
    case TraceKind.outageStart:
      return `${name(e.actor)}: comms outage`;
    case TraceKind.decapitationMisread:
      return e.x === 1 ? 'read as decapitation, pre-delegated' : 'read as decapitation';
    case TraceKind.nuclearUse:
      return `${name(e.actor)} NUCLEAR USE`;
    default:
      return null;
  }
}

function describeDecision(outcome: number, time: number, window: number): string {
  const w = `window ${minutesBand(window)}`;
  switch (outcome) {
    case DecisionOutcome.autonomous:
      return `AI acts autonomously (${w})`;
    case DecisionOutcome.approved:
      return `human approves ${minutesBand(time)} (${w})`;
    case DecisionOutcome.biasDeferral:
      return `human defers to the AI ${minutesBand(time)} (${w})`;
    case DecisionOutcome.timeoutAct:
      return `no decision in time, doctrine default acts (${w})`;
    case DecisionOutcome.vetoWindowLapsed:
      return `veto window lapses (${w})`;
    default:
      return `decision ${outcome}`;
  }
}
