import { normalUpperTail } from '../random/index.ts';
import { D, PROCESSES_PER_ACTOR, type CompiledModel } from './compiled-model.ts';

/**
 * Failures importance sampling may make likelier, one site per actor × domain (index
 * kind * A * D + a * D + d; `misread` and `longOutage` are per actor and use domain 0):
 * a benign track labelled hostile, a second sensor repeating the error, the hotline not clearing
 * a wrong label, the human missing a wrong label, an outage misread as decapitation — each a
 * Bernoulli draw — and three normal draws crossing a cut: a wrong label's confidence reaching the
 * threshold, the human's decision time outlasting the window, an outage outlasting the
 * decapitation threshold. A tilted normal site first draws its side of the cut with the tilted
 * probability, then the normal within that side by inversion, so its weight is a Bernoulli one.
 * The sites of a side's judgment (timeout, miss, misread) take the probability the decision-maker
 * states at each draw (decision-draws.ts); the model knows only the others'.
 */
export const SITE_KINDS = [
  'label',
  'confirmation',
  'hotline',
  'miss',
  'misread',
  'confidence',
  'timeout',
  'longOutage',
] as const;
export const Site = {
  label: 0,
  confirmation: 1,
  hotline: 2,
  miss: 3,
  misread: 4,
  confidence: 5,
  timeout: 6,
  longOutage: 7,
} as const;

/**
 * A change of measure. Each Poisson process runs at `rate[p]` times its rate; each site's failure
 * happens with `probability[s]` instead of its own (NaN leaves it untilted). A trial's likelihood
 * ratio is exact (docs/rare-events.md).
 */
export interface Tilt {
  readonly rate: Float64Array;
  readonly probability: Float64Array;
}

/** The identity tilt: every likelihood ratio is 1, every draw as in plain sampling. */
export function neutralTilt(actorCount: number): Tilt {
  return {
    rate: new Float64Array(actorCount * PROCESSES_PER_ACTOR).fill(1),
    probability: new Float64Array(SITE_KINDS.length * actorCount * D).fill(NaN),
  };
}

/** Index of the site of kind `kind` for actor a, domain d. */
export function siteIndex(actorCount: number, kind: number, a: number, d: number): number {
  return kind * actorCount * D + a * D + d;
}

/**
 * Where each normal site of the model's own failure begins, in standard-normal units (the failure
 * is z above it): NaN for Bernoulli sites, stated sites, and where the draw never happens.
 */
export function siteCuts(m: CompiledModel): Float64Array {
  const A = m.actorCount;
  const cut = new Float64Array(SITE_KINDS.length * A * D).fill(NaN);
  const logit = (p: number) => Math.log(p / (1 - p));
  for (let a = 0; a < A; a++) {
    for (let d = 0; d < D; d++) {
      const ad = a * D + d;
      const spread = m.confidenceSpread[ad];
      if (spread > 0) {
        cut[siteIndex(A, Site.confidence, a, d)] =
          (logit(m.confidenceThreshold[a]) - m.logitWrong[ad]) / spread;
      }
    }
    if (m.outageSigma[a] > 0) {
      cut[siteIndex(A, Site.longOutage, a, 0)] =
        Math.log(m.decapitationThreshold[a] / m.outageMedian[a]) / m.outageSigma[a];
    }
  }
  return cut;
}

/**
 * The untilted probability of every site's failure under this model (NaN where it is never
 * drawn, and at the sites whose probability the decision-maker states), so a tilted draw can
 * weigh itself: p / p' on failure, (1 − p) / (1 − p') otherwise.
 */
export function siteProbabilities(m: CompiledModel): Float64Array {
  const A = m.actorCount;
  const p = siteCuts(m).map((c) => (Number.isNaN(c) ? NaN : normalUpperTail(c)));
  for (let a = 0; a < A; a++) {
    const c = m.confirmCommonCause[a];
    for (let d = 0; d < D; d++) {
      p[siteIndex(A, Site.label, a, d)] = m.falsePositive[a * D + d];
      p[siteIndex(A, Site.confirmation, a, d)] = c + (1 - c) * m.confirmFalsePositive[a];
      p[siteIndex(A, Site.hotline, a, d)] = 1 - m.hotlineClarify;
    }
  }
  return p;
}
