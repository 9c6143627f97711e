import {
  CHOICE_NAMES,
  DOMAINS,
  RUNGS,
  SEEN_KIND_NAMES,
  type ObservationSnapshot,
} from '../../index.ts';
import type { QuestionWords } from './exercise-schema.ts';

const MODES = ['human in the loop', 'human on the loop', 'autonomous'];
const rung = (r: number) => (r >= 0 ? (RUNGS[r] as string).replaceAll('_', ' ') : null);

/** What a recent event was, in words (the `value` of each kind: observation.ts). */
function seen(kind: number, value: number): string {
  switch (SEEN_KIND_NAMES[kind]) {
    case 'alert':
      return `an alert (${DOMAINS[value] ?? 'unknown domain'})`;
    case 'decision':
      return `we decided: ${CHOICE_NAMES[value] ?? value}`;
    case 'own_rung':
      return `we moved to ${rung(value) ?? value}`;
    case 'perceived_rung':
      return `the other side seemed at ${rung(value) ?? value}`;
    case 'link_down':
      return 'the link to leadership went down';
    case 'link_up':
      return 'the link to leadership came back';
    default:
      return `event ${kind}`;
  }
}

/** The observation's codes as a player reads them; nothing beyond what the side knows. */
export function questionWords(o: ObservationSnapshot): QuestionWords {
  return {
    mode: MODES[o.mode] ?? `mode ${o.mode}`,
    domain: o.domain >= 0 ? (DOMAINS[o.domain] ?? null) : null,
    ownRung: rung(o.ownRung) ?? 'unknown',
    perceivedRung: rung(o.perceivedRung),
    responseRung: rung(o.responseRung),
    recent: o.recent.map((e) => ({ minute: e.minute, what: seen(e.kind, e.value) })),
  };
}
