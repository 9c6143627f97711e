import { D, PROCESSES_PER_ACTOR, type CompiledModel } from './compiled-model.ts';

/**
 * Bernoulli decisions importance sampling may tilt, one site per actor × domain (index
 * kind * A * D + a * D + d; `misread` is per actor and uses domain 0). Each is a failure: a
 * benign track labelled hostile, a second sensor repeating the error, the hotline not clearing
 * a wrong label, the human missing a wrong label, an outage misread as decapitation.
 */
export const SITE_KINDS = ['label', 'confirmation', 'hotline', 'miss', 'misread'] as const;
export const Site = { label: 0, confirmation: 1, hotline: 2, miss: 3, misread: 4 } as const;

/**
 * Standard normal draws importance sampling may shift, one per actor × domain: the logit confidence
 * of a wrong hostile label, the log decision time of the human, the log length of an outage (per
 * actor, domain 0).
 */
export const SHIFT_KINDS = ['confidence', 'decisionTime', 'outageDuration'] as const;
export const Shift = { confidence: 0, decisionTime: 1, outageDuration: 2 } as const;

/**
 * A change of measure. Each Poisson process runs at `rate[p]` times its rate; each Bernoulli site
 * succeeds with `probability[s]` instead of its own (NaN leaves it untilted); each shifted normal
 * is drawn from N(shift[s], 1). A trial's likelihood ratio is exact (docs/rare-events.md).
 */
export interface Tilt {
  readonly rate: Float64Array;
  readonly probability: Float64Array;
  readonly shift: Float64Array;
}

/** The identity tilt for a model: every likelihood ratio is 1, every draw as in plain sampling. */
export function neutralTilt(actorCount: number): Tilt {
  const sites = actorCount * D;
  return {
    rate: new Float64Array(actorCount * PROCESSES_PER_ACTOR).fill(1),
    probability: new Float64Array(SITE_KINDS.length * sites).fill(NaN),
    shift: new Float64Array(SHIFT_KINDS.length * sites),
  };
}

/** Index of a site or shift of kind `kind` for actor a, domain d. */
export function siteIndex(actorCount: number, kind: number, a: number, d: number): number {
  return kind * actorCount * D + a * D + d;
}

/**
 * The untilted probability of every site under this model (NaN where the site is never reached),
 * so a tilted draw can weigh itself: p / p' on success, (1 − p) / (1 − p') on failure.
 */
export function siteProbabilities(m: CompiledModel): Float64Array {
  const A = m.actorCount;
  const p = new Float64Array(SITE_KINDS.length * A * D).fill(NaN);
  for (let a = 0; a < A; a++) {
    const c = m.confirmCommonCause[a];
    for (let d = 0; d < D; d++) {
      const ad = a * D + d;
      p[siteIndex(A, Site.label, a, d)] = m.falsePositive[ad];
      p[siteIndex(A, Site.confirmation, a, d)] = c + (1 - c) * m.confirmFalsePositive[a];
      p[siteIndex(A, Site.hotline, a, d)] = 1 - m.hotlineClarify;
      p[siteIndex(A, Site.miss, a, d)] = 1 - catchOfWrongLabel(m, a, d);
    }
    p[siteIndex(A, Site.misread, a, 0)] = m.misreadProbability[a];
  }
  return p;
}

/** P(the human catches a wrong hostile label) for actor a in domain d (see decision.ts). */
export function catchOfWrongLabel(m: CompiledModel, a: number, d: number): number {
  const ad = a * D + d;
  const adequate = m.adequateTime[a];
  const window = m.window[ad];
  const pressure = adequate > 0 && window < adequate ? window / adequate : 1;
  const unbiased = m.catchProbability[a] * pressure;
  return m.usesAi[ad] === 1 ? unbiased * (1 - m.automationBias[a]) : unbiased;
}

/** True when the tilt changes nothing (plain Monte Carlo). */
export function isNeutral(t: Tilt): boolean {
  return (
    t.rate.every((r) => r === 1) &&
    t.probability.every(Number.isNaN) &&
    t.shift.every((s) => s === 0)
  );
}
