import { normalFrom } from '../random/index.ts';
import { Count, Origin, TraceKind } from './codes.ts';
import { D, Mode } from './compiled-model.ts';
import { decide } from './decision.ts';
import { Site, siteIndex } from './tilt.ts';
import { Mark } from './event-marks.ts';
import type { TrialContext } from './trial-context.ts';

const GENUINE = 0;
const BENIGN = 1;

/**
 * M2: a track the classifier labelled hostile. Its confidence may fall below the threshold (a
 * fixed gate of the warning system, not a choice), the optional second-phenomenology confirmation
 * may reject it, and survivors pass to the decision.
 * Tracks labelled benign change nothing, so the engine never handles them one by one: each track
 * process fires only for hostile labels (thinning) and its benign labels are counted at the end of
 * the trial (quiet-tracks.ts).
 */
export function classifyHostileTrack(
  ctx: TrialContext,
  actor: number,
  domain: number,
  kind: number,
): void {
  const m = ctx.model;
  const counts = ctx.outcome.counts;
  const ad = actor * D + domain;
  const genuine = kind === GENUINE;
  counts[Count.tracks]++;
  ctx.record(TraceKind.track, actor, domain, kind);

  const A = m.actorCount;
  // A wrong hostile label is the label site's failure; under a tilt it weighs as one.
  if (!genuine) ctx.sites.hits(siteIndex(A, Site.label, actor, domain), 1);
  counts[Count.hostileLabels]++;
  if (!genuine) counts[Count.falseHostileLabels]++;
  // Coincident labels (Wallace et al. 1986): a second alert soon after the first reads as surer.
  const window = m.coincidenceWindow[actor];
  const coincident = window > 0 && ctx.time - ctx.lastHostile[actor] <= window;
  ctx.lastHostile[actor] = ctx.time;
  if (coincident) counts[Count.coincidentLabels]++;

  // Logit-normal confidence: wrong labels centre on `wrong`, which over-confidence pushes up.
  const centre = genuine ? m.logitCorrect[ad] : m.logitWrong[ad];
  const spread = m.confidenceSpread[ad];
  // Only a wrong label's confidence is a failure worth tilting towards.
  const z =
    spread <= 0
      ? 0
      : genuine
        ? normalFrom(ctx.mark(Mark.confidenceU), ctx.mark(Mark.confidenceV))
        : ctx.sites.normal(
            siteIndex(A, Site.confidence, actor, domain),
            ctx.mark(Mark.confidenceU),
            ctx.mark(Mark.confidenceV),
          );
  // Without spread or coincidence the confidence is the centre's, computed once with the model.
  const confidence =
    spread <= 0 && !coincident
      ? genuine
        ? m.centreConfidenceCorrect[ad]
        : m.centreConfidenceWrong[ad]
      : 1 / (1 + Math.exp(-(centre + spread * z + (coincident ? m.coincidenceBoost[actor] : 0))));
  ctx.record(TraceKind.labelHostile, actor, domain, confidence, m.usesAi[ad]);
  if (confidence < m.confidenceThreshold[actor]) {
    counts[Count.belowThreshold]++;
    ctx.record(TraceKind.belowThreshold, actor, domain, confidence, m.confidenceThreshold[actor]);
    if (genuine) ctx.unanswered(actor, domain);
    return;
  }

  if (m.confirms[ad] === 1) {
    // Beta-factor common cause: with probability c the second sensor repeats the first one's error.
    const c = m.confirmCommonCause[actor];
    const v = ctx.mark(Mark.confirmation);
    const confirmed = genuine
      ? v >= m.confirmFalseNegative[actor]
      : ctx.sites.chance(
          siteIndex(A, Site.confirmation, actor, domain),
          v,
          c + (1 - c) * m.confirmFalsePositive[actor],
        );
    ctx.record(TraceKind.confirmation, actor, domain, confirmed ? 1 : 0);
    if (!confirmed) {
      counts[Count.confirmationRejections]++;
      if (genuine) ctx.unanswered(actor, domain);
      return;
    }
  }

  // A hotline call can expose a wrong label when the time before the action proceeds leaves room
  // for it (on the loop, the veto window) and the leadership link is up to make it.
  const onTheLoop = m.usesAi[ad] === 1 && m.mode[actor] === Mode.onTheLoop;
  const left = onTheLoop ? Math.min(m.vetoWindow[actor], m.window[ad]) : m.window[ad];
  const callable = ctx.inOutage[actor] === 0 && left >= m.hotlineLatency;
  if (!genuine && m.hotlineClarify > 0 && callable) {
    const u = ctx.mark(Mark.hotline);
    // The site is the failure (the call does not clear the label): u >= clarify, i.e. 1 - u < 1 - clarify.
    if (!ctx.sites.chance(siteIndex(A, Site.hotline, actor, domain), 1 - u, 1 - m.hotlineClarify)) {
      counts[Count.hotlineClarifications]++;
      ctx.record(TraceKind.hotlineClarified, actor, domain);
      return;
    }
  }

  if (!genuine) counts[Count.falseAlarmsReachingDecision]++;
  const origin = genuine
    ? Origin.genuineIncident
    : kind === BENIGN
      ? Origin.misclassifiedBenign
      : Origin.sensorFalseAlarm;
  const steps = coincident ? m.coincidenceSteps[actor] : 0;
  decide(ctx, actor, domain, genuine, origin, confidence, m.confirms[ad] === 1 ? 1 : -1, steps);
}
