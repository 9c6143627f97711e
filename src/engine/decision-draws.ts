/** What a side's own look at an alert found (`DecisionDraws.judge`). */
export const Judgment = {
  /** It saw the label was wrong and acts on that. */
  actsOnIt: 0,
  /** It saw the label was wrong but deferred to the machine (automation bias). */
  deferred: 1,
  /** It saw nothing wrong. */
  nothing: 2,
} as const;

/**
 * The randomness a decision-maker may use, supplied by the engine: each draw comes from the
 * decision's own counters (so the k-th alert of a sensor meets the same draws in every variant),
 * and each states its probability, so importance sampling can tilt and weigh it.
 */
export interface DecisionDraws {
  /**
   * A lognormal time in minutes (median, sigma on the log scale); exceeding `limit` is the rare
   * failure importance sampling may favour. Sigma 0 returns the median and draws nothing.
   */
  time(median: number, sigma: number, limit: number): number;
  /**
   * Alert only: the side's own look at the label. The engine cannot show it the truth, so the side
   * states how well it sees through a wrong label: it notices one with probability `pNotice` and
   * acts on what it noticed with probability `pAct` (≤ pNotice) overall. A correct label gives it
   * nothing to see through. Returns a `Judgment`.
   */
  judge(pAct: number, pNotice: number): number;
  /** True with probability p (at an outage: reading it as decapitation, a weighed site). */
  chance(p: number): boolean;
  /**
   * One of the point's legal choices (`LEGAL_CHOICES[point]`), drawn with the given
   * probabilities in that order (summing to 1). Returns the choice.
   */
  pick(probabilities: ArrayLike<number>): number;
}
