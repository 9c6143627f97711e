import { normalFrom, normalQuantile, normalUpperTail } from '../random/index.ts';
import type { CompiledModel } from './compiled-model.ts';
import { siteCuts, siteProbabilities, type Tilt } from './tilt.ts';
import type { TrialOutcome } from './trial-outcome.ts';

/**
 * The draws at failure sites (tilt.ts), and under importance sampling what each costs in weight:
 * a failure at site s happens with the tilted probability p' instead of p, and the trial's log
 * likelihood ratio takes log(p / p') or log((1 − p) / (1 − p')). Counts of draws and failures per
 * site go to the outcome for the cross-entropy update. Without a tilt every draw is plain.
 */
export class SiteDraws {
  /** Failure probability of each site under the model, and in this run (tilted or the same). */
  private readonly base: Float64Array;
  private readonly chosen: Float64Array;
  private readonly cut: Float64Array;
  /** log(p / p') and log((1 − p) / (1 − p')) per site: a tilted draw's weight. */
  private readonly logHit: Float64Array;
  private readonly logMiss: Float64Array;
  /** The tilt's probability of each site (NaN where it leaves the site alone). */
  private readonly tiltOf: Float64Array;
  /** True under importance sampling, even a neutral tilt: draws are counted and weighed. */
  readonly tilted: boolean;

  constructor(
    model: CompiledModel,
    tilt: Tilt | null,
    private readonly outcome: TrialOutcome,
  ) {
    const p = siteProbabilities(model);
    this.tilted = tilt !== null;
    this.base = p;
    this.cut = siteCuts(model);
    this.chosen = tilt
      ? p.map((q, s) => (Number.isNaN(tilt.probability[s]) ? q : tilt.probability[s]))
      : p;
    this.logHit = p.map((q, s) => Math.log(q / this.chosen[s]) || 0);
    this.logMiss = p.map((q, s) => Math.log((1 - q) / (1 - this.chosen[s])) || 0);
    this.tiltOf = tilt ? tilt.probability : p.map(() => NaN);
  }

  /**
   * A Bernoulli decision at a site whose probability p the decision-maker states at this draw
   * (it may differ from draw to draw): succeeds when u < p, or under a tilt when u < p' with the
   * trial's weight taking the ratio, as `chance` does.
   */
  stated(site: number, u: number, p: number): boolean {
    if (!this.tilted) return u < p;
    this.note(site, p);
    const out = this.outcome;
    const t = this.tiltOf[site];
    out.siteTrials[site]++;
    if (Number.isNaN(t)) {
      const hit = u < p;
      if (hit) out.siteHits[site]++;
      return hit;
    }
    const hit = u < t;
    if (hit) {
      out.siteHits[site]++;
      out.logWeight += Math.log(p / t) || 0;
    } else out.logWeight += Math.log((1 - p) / (1 - t)) || 0;
    return hit;
  }

  /** The failure probability a stated site's draw uses in this run: the tilt's, else p. */
  statedTarget(site: number, p: number): number {
    const t = this.tiltOf[site];
    return this.tilted && !Number.isNaN(t) ? t : p;
  }

  /**
   * `normal` for a stated site whose failure is z above `cut` (given under a tilt only): its
   * probability is the normal tail above the cut at this draw.
   */
  normalStated(site: number, u: number, v: number, cut: number): number {
    if (!this.tilted) return normalFrom(u, v);
    const q = normalUpperTail(cut);
    if (Number.isNaN(this.tiltOf[site])) {
      const z = normalFrom(u, v);
      this.stated(site, z > cut ? 0 : 1, q);
      return z;
    }
    return this.stated(site, u, q) ? -normalQuantile(v * q) : normalQuantile(v * (1 - q));
  }

  /** Keeps the range and sum of a stated site's probabilities: the tilt search's p at that site. */
  private note(site: number, p: number): void {
    const out = this.outcome;
    out.statedSum[site] += p;
    if (!(p >= out.statedMin[site])) out.statedMin[site] = p;
    if (!(p <= out.statedMax[site])) out.statedMax[site] = p;
  }

  /**
   * A Bernoulli decision at `site` that succeeds when u < p. Under a tilt it succeeds when
   * u < p' instead and the trial's weight takes the ratio of the two probabilities.
   */
  chance(site: number, u: number, p: number): boolean {
    if (!this.tilted) return u < p;
    const hit = u < this.chosen[site];
    if (hit) this.hits(site, 1);
    else this.misses(site, 1);
    return hit;
  }

  /** The failure probability a site's draws use in this run. */
  target(site: number): number {
    return this.chosen[site];
  }

  /**
   * A standard normal from two marks at normal site `site`, whose failure is z above the site's
   * cut. Under a tilt, the side of the cut is a weighted draw from u (`chance`), and z is placed
   * within that side by inverting Φ at v: the normal's law on each side is untouched, so the weight
   * is exactly the Bernoulli one.
   */
  normal(site: number, u: number, v: number): number {
    if (!this.tilted) return normalFrom(u, v);
    const q = this.base[site];
    // An untilted site keeps the plain draw (and so the plain outcome); it only counts its side.
    if (this.chosen[site] === q) {
      const z = normalFrom(u, v);
      this.chance(site, z > this.cut[site] ? 0 : 1, q);
      return z;
    }
    return this.chance(site, u, q) ? -normalQuantile(v * q) : normalQuantile(v * (1 - q));
  }

  /** n failures at `site` decided elsewhere (thinning), weighed as `chance` would weigh them. */
  hits(site: number, n: number): void {
    if (!this.tilted) return;
    const out = this.outcome;
    out.siteTrials[site] += n;
    out.siteHits[site] += n;
    out.logWeight += n * this.logHit[site];
  }

  /** n successes at `site` decided elsewhere (thinning), weighed as `chance` would weigh them. */
  misses(site: number, n: number): void {
    if (!this.tilted) return;
    const out = this.outcome;
    out.siteTrials[site] += n;
    out.logWeight += n * this.logMiss[site];
  }
}
