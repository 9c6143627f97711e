import type { AgentStreams } from './agent-streams.ts';
import type { CompiledModel } from './compiled-model.ts';

import { normalFrom } from '../random/index.ts';
import { Judgment, type DecisionDraws } from './decision-draws.ts';
import { DecisionPoint, LEGAL_CHOICES } from './decision-maker.ts';
import { Mark } from './event-marks.ts';
import type { SiteDraws } from './site-draws.ts';
import { Site, siteIndex, type Tilt } from './tilt.ts';

/** What the draws read of the trial in progress (the trial context, without a cycle to it). */
export interface DrawSource {
  readonly model: CompiledModel;
  readonly tilt: Tilt | null;
  readonly sites: SiteDraws;
  readonly misreadDraw: Float64Array;
  mark(slot: number): number;
  readonly agentStreams: AgentStreams;
}

/**
 * The engine's draws for the decision in progress. Alerts use the alert's marks (human time,
 * choice); an outage uses its misread mark; a perceived rise, which has no marks of its own,
 * draws from the actor's agent stream. Failures of a side's judgment are sites (tilt.ts):
 * outlasting the time limit, approving a wrong label, misreading an outage.
 */
export class EngineDraws implements DecisionDraws {
  private point = 0;
  private actor = 0;
  private domain = 0;
  private genuine = false;

  constructor(private readonly ctx: DrawSource) {}

  bind(point: number, actor: number, domain: number, genuine: boolean): void {
    this.point = point;
    this.actor = actor;
    this.domain = domain;
    this.genuine = genuine;
  }

  private site(kind: number): number {
    return siteIndex(this.ctx.model.actorCount, kind, this.actor, this.domain);
  }

  time(median: number, sigma: number, limit: number): number {
    // A fixed time (sigma 0) needs no draw: exp(0) would cost a call per decision.
    if (!(sigma > 0)) return median;
    const ctx = this.ctx;
    let z: number;
    if (this.point === DecisionPoint.alert && !ctx.sites.tilted) {
      z = normalFrom(ctx.mark(Mark.humanTimeU), ctx.mark(Mark.humanTimeV));
    } else if (this.point === DecisionPoint.alert) {
      const sites = ctx.sites;
      const cut = Math.log(limit / median) / sigma;
      z = sites.normalStated(
        this.site(Site.timeout),
        ctx.mark(Mark.humanTimeU),
        ctx.mark(Mark.humanTimeV),
        cut,
      );
    } else {
      z = ctx.agentStreams.normal(this.actor);
    }
    return median * Math.exp(sigma * z);
  }

  judge(pAct: number, pNotice: number): number {
    if (this.point !== DecisionPoint.alert || this.genuine) return Judgment.nothing;
    const ctx = this.ctx;
    const u = ctx.mark(Mark.choice);
    const v = ctx.tilt === null ? u : this.remapped(u, pAct);
    return v < pAct ? Judgment.actsOnIt : v < pNotice ? Judgment.deferred : Judgment.nothing;
  }

  /**
   * Under a tilt, missing a wrong label (u ≥ pAct) is the miss site's failure: decided there with
   * the tilted odds, then u is mapped back onto its side so the split of the rest keeps its odds.
   */
  private remapped(u: number, pAct: number): number {
    const sites = this.ctx.sites;
    const site = this.site(Site.miss);
    const miss = sites.stated(site, 1 - u, 1 - pAct);
    const caughtBelow = 1 - sites.statedTarget(site, 1 - pAct);
    if (!miss) return (u / caughtBelow) * pAct;
    return pAct + ((u - caughtBelow) / (1 - caughtBelow)) * (1 - pAct);
  }

  chance(p: number): boolean {
    const ctx = this.ctx;
    if (this.point === DecisionPoint.outage) {
      return ctx.sites.stated(this.site(Site.misread), ctx.misreadDraw[this.actor], p);
    }
    return this.uniform() < p;
  }

  pick(probabilities: ArrayLike<number>): number {
    const legal = LEGAL_CHOICES[this.point];
    const n = legal.length;
    // The first legal choice at an alert (approve) of a wrong label, or at an outage (act), is
    // the side's failure: a weighed site, decided first, the rest split by the remaining odds.
    const siteKind =
      this.point === DecisionPoint.outage
        ? Site.misread
        : this.point === DecisionPoint.alert && !this.genuine
          ? Site.miss
          : -1;
    let u = this.uniform();
    if (siteKind >= 0 && this.ctx.tilt !== null) {
      const sites = this.ctx.sites;
      const site = this.site(siteKind);
      const p0 = probabilities[0];
      if (sites.stated(site, u, p0)) return legal[0];
      const t = sites.statedTarget(site, p0);
      // u is uniform on [t, 1) here: map it onto [p0, 1) so the rest keeps its odds.
      u = p0 + ((u - t) / (1 - t)) * (1 - p0);
    }
    let sum = 0;
    for (let i = 0; i < n - 1; i++) {
      sum += probabilities[i];
      if (u < sum) return legal[i];
    }
    return legal[n - 1];
  }

  /** The decision's own uniform: the alert's choice mark, the outage's misread mark, or the agent stream. */
  private uniform(): number {
    const ctx = this.ctx;
    if (this.point === DecisionPoint.alert) return ctx.mark(Mark.choice);
    if (this.point === DecisionPoint.outage) return ctx.misreadDraw[this.actor];
    return ctx.agentStreams.uniform(this.actor);
  }
}
