import type { ScenarioOutput } from './schema.ts';
import { DOMAINS, RUNGS, type Rung } from './vocabulary.ts';

/** A mutable copy of a resolved scenario that a safeguard edits. */
export type Draft = ScenarioOutput;
type DraftActor = Draft['actors'][string];

/** A named, documented change to a scenario (M8). */
export interface Safeguard {
  readonly name: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** What it changes in the model, and why: the source or the reasoning. */
  readonly rationale: string;
  /** Whether it can be aimed at one side (`name:actor`); otherwise it acts on the whole crisis. */
  readonly perActor: boolean;
  /** Edits the draft for the given actors (all of them unless the user named some). */
  readonly apply: (draft: Draft, actors: readonly string[]) => void;
}

const rungIndex = (r: Rung) => RUNGS.indexOf(r);
const capRung = (r: Rung, cap: Rung): Rung => (rungIndex(r) > rungIndex(cap) ? cap : r);
const each = (draft: Draft, actors: readonly string[], f: (a: DraftActor) => void) => {
  for (const id of actors) f(draft.actors[id]);
};

/** Minutes the minimum-decision-time safeguard guarantees (assumption, see its rationale). */
export const MINIMUM_DECISION_MINUTES = 10;
/** Confidence a hostile label needs under the confidence-threshold safeguard (assumption). */
export const SAFEGUARD_CONFIDENCE_THRESHOLD = 0.95;
/** Comms redundancy: outage rate and median duration multipliers (assumption). */
export const REDUNDANT_OUTAGE_RATE = 0.2;
export const REDUNDANT_OUTAGE_DURATION = 0.5;

/**
 * The built-in safeguards. Each moves parameters only in the safe direction (a threshold is raised,
 * never lowered); all but comms-redundancy (a multiplier) change nothing on a scenario that
 * already has them, and `applySafeguards` applies a repeated name once.
 */
export const BUILTIN_SAFEGUARDS: readonly Safeguard[] = [
  {
    name: 'human-in-the-loop',
    summary: 'a human must approve every AI hostile label before any action',
    rationale:
      'Sets `authority.mode` to `human_in_the_loop`. The human catches wrong labels with `human.catchProbability`, reduced by automation bias and time pressure; if no decision comes in the window, the doctrine default applies. Reflects the US human-in-the-loop pledge (NPR 2022, [S14] in docs/sources.md).',
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.authority.mode = 'human_in_the_loop';
      }),
  },
  {
    name: 'minimum-decision-time',
    summary: `no nuclear decision in under ${MINIMUM_DECISION_MINUTES} minutes: ride out rather than act faster`,
    rationale: `Raises \`authority.minimumDecisionMinutes\` to at least ${MINIMUM_DECISION_MINUTES} and the on-the-loop veto window to at least the same. The decision window becomes max(time to impact − latencies, ${MINIMUM_DECISION_MINUTES} min): the doctrine accepts riding out a possible attack to gain time to judge. Historical false alarms were resolved in 3–6 minutes when people had the time ([S5]); ${MINIMUM_DECISION_MINUTES} minutes is an assumption.`,
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        const m = MINIMUM_DECISION_MINUTES;
        a.authority.minimumDecisionMinutes = Math.max(a.authority.minimumDecisionMinutes, m);
        a.authority.vetoWindowMinutes = Math.max(a.authority.vetoWindowMinutes, m);
      }),
  },
  {
    name: 'dual-phenomenology',
    summary: 'a second, independent sensor must confirm ballistic and air warnings',
    rationale:
      'Enables `confirmation` for the ballistic and air domains (adding to any already listed), with the scenario’s own confirmation error rates and common-cause correlation. In 1979 and 1983 the absence of corroborating satellite or radar data is what exposed the false alarms ([S15]).',
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.confirmation.enabled = true;
        const domains = new Set([...a.confirmation.domains, 'ballistic', 'air'] as const);
        a.confirmation.domains = DOMAINS.filter((x) => domains.has(x));
      }),
  },
  {
    name: 'confidence-threshold',
    summary: `act only on hostile labels with confidence at least ${SAFEGUARD_CONFIDENCE_THRESHOLD}`,
    rationale: `Raises \`authority.confidenceThreshold\` to at least ${SAFEGUARD_CONFIDENCE_THRESHOLD}; lower-confidence labels are monitored, not acted on. Its effect depends on calibration: an over-confident wrong label (a large calibration gap) passes any threshold ([S20]). The level is an assumption.`,
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.authority.confidenceThreshold = Math.max(
          a.authority.confidenceThreshold,
          SAFEGUARD_CONFIDENCE_THRESHOLD,
        );
      }),
  },
  {
    name: 'hotline',
    summary: 'a working crisis hotline: clarifies ambiguous warnings and speeds de-escalation',
    rationale:
      'Enables `ladder.hotline`: with `clarifyProbability` a call exposes a wrong hostile label when the decision window is at least `latencyMinutes`, and the de-escalation rate is multiplied by `deescalationMultiplier`. Experts put the risk cut from crisis communication at about 25% (FRI 2024, [S22]). Faster de-escalation also turns later moves back into fresh rises the other side perceives, so in spiral-prone scenarios part of the gain is given back.',
    perActor: false,
    apply: (d) => {
      d.ladder.hotline.enabled = true;
    },
  },
  {
    name: 'no-predelegation',
    summary: 'no pre-delegated launch authority when leadership seems lost',
    rationale:
      'Disables `comms.predelegation`: a decapitation misread then moves the actor only to `comms.rungWithoutPredelegation` (below use). Answers the 2022 DPRK law’s automatic strike if command and control is endangered ([S13]).',
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.comms.predelegation.enabled = false;
      }),
  },
  {
    name: 'comms-redundancy',
    summary: `redundant leadership-to-forces links: ${1 / REDUNDANT_OUTAGE_RATE}x fewer outages, half as long`,
    rationale: `Multiplies \`comms.outageRatePerDay\` by ${REDUNDANT_OUTAGE_RATE} and the median outage duration by ${REDUNDANT_OUTAGE_DURATION}. In 1961 "redundant" lines all ran through one relay station ([S17]); after 1980 NORAD searched out single points of failure ([S5]). The factors are assumptions.`,
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.comms.outageRatePerDay *= REDUNDANT_OUTAGE_RATE;
        a.comms.outageDuration.medianMinutes *= REDUNDANT_OUTAGE_DURATION;
      }),
  },
  {
    name: 'ai-tactical-only',
    summary: 'AI confined to the tactical land / low-altitude drone domain',
    rationale:
      'Removes every domain but `land` from `ai.domains`; the others fall back to the legacy chain (human analysts and older systems, with the scenario’s `legacy` rates and no automation bias). The motivating article’s recommendation ([S23]). It can raise risk where the scenario’s legacy chain errs more than its AI.',
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        a.ai.domains = a.ai.domains.filter((x) => x === 'land');
      }),
  },
  {
    name: 'de-alerting',
    summary: 'forces off hair-trigger: no launch on warning, no use straight from a warning',
    rationale:
      'Replaces a `launch_on_warning` default by `launch_under_attack`, and caps every direct response and the pre-delegated rung at `nuclear_alert`: de-alerted forces need time to be readied, so use can come only through a later, slower step of the ladder. UCS (2015) on taking weapons off high alert ([S3]).',
    perActor: true,
    apply: (d, actors) =>
      each(d, actors, (a) => {
        if (a.authority.timeoutDefault === 'launch_on_warning') {
          a.authority.timeoutDefault = 'launch_under_attack';
        }
        for (const domain of DOMAINS)
          a.responses[domain] = capRung(a.responses[domain], 'nuclear_alert');
        a.comms.predelegation.rung = capRung(a.comms.predelegation.rung, 'nuclear_alert');
      }),
  },
];
