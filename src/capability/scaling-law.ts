/**
 * The constants of M6's error law. Every default cites docs/sources.md or says `assumption`;
 * docs/capability.md derives the equations. A scenario may override any of them.
 */
export interface ScalingLaw {
  /** E: error no amount of compute or data removes (tracks no sensor can tell apart). */
  readonly floor: number;
  /** A: compute term of the error at the reference compute. */
  readonly computeError: number;
  /** C₀: reference training compute, FLOP. */
  readonly referenceCompute: number;
  /** α: how fast the compute term falls with compute. */
  readonly computeExponent: number;
  /** B: data term of the error at the reference amount of effective data. */
  readonly dataError: number;
  /** D₀: reference effective training data, labelled samples. */
  readonly referenceSamples: number;
  /** β: how fast the data term falls with effective data. */
  readonly dataExponent: number;
  /** γ: error multiplier per unit of shift: error × (1 + γ·shift). */
  readonly shiftPenalty: number;
  /** g₀: over-confidence of a model tested on the data it was trained for. */
  readonly gapInDistribution: number;
  /** g₁: extra over-confidence per unit of shift. */
  readonly gapPerShift: number;
}

export const DEFAULT_SCALING_LAW: ScalingLaw = {
  floor: 0.005, // assumption: about 1 track in 200 is ambiguous to any classifier
  computeError: 0.01, // [S27] derived: A:B ≈ 1:2 at Chinchilla's compute-optimal point; level an assumption
  referenceCompute: 1e21, // assumption: compute-optimal for D₀ by Chinchilla's rule at ~6×10⁴ tokens a sample [S27]
  computeExponent: 0.154, // [S27] derived: αβ/(α+β) with Chinchilla's α = 0.34, β = 0.28
  dataError: 0.02, // assumption: with E and A, a 3.5% balanced error at (C₀, D₀) with no shift
  referenceSamples: 1e6, // assumption: a million labelled tracks
  dataExponent: 0.28, // [S27] Chinchilla's data exponent; within [S28]'s 0.07–0.35 for error vs data
  shiftPenalty: 3, // [S34] full shift ×4: WILDS Camelyon17 ×4.4; ImageNet→V2 ×1.5 for a mild shift
  gapInDistribution: 0.03, // [S35] uncalibrated modern nets: ECE of a few points in distribution
  gapPerShift: 0.2, // [S35] assumption: calibration error grows by tens of points under strong shift
};

/** A balanced error above a coin flip would be inverted by any user: the law stops there. */
export const MAX_ERROR = 0.5;
/** Over-confidence is capped so a reported confidence stays a probability. */
export const MAX_GAP = 0.9;
