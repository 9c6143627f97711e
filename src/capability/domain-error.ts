import { MAX_ERROR, type ScalingLaw } from './scaling-law.ts';

/** What holds a domain's error up most: too little compute, too little data, or data from elsewhere. */
export type ErrorLimit = 'compute' | 'data' | 'shift';

export interface DomainError {
  /** A × (C / C₀)^(−α); infinite with no compute. */
  readonly computeTerm: number;
  /** B × (D_eff / D₀)^(−β); infinite with no effective data. */
  readonly dataTerm: number;
  /** E + compute term + data term: the error on data like the training data. */
  readonly inDomainError: number;
  /** Balanced error (mean of FPR and FNR) after shift: min(0.5, in-domain × (1 + γ × shift)). */
  readonly error: number;
  /** The largest of the compute term, the data term and the shift's addition. */
  readonly limitedBy: ErrorLimit;
}

/**
 * A saturating power law in compute and effective data (the shape of Chinchilla's L(N, D)), then
 * a multiplier for shift: err = min(0.5, (E + A(C/C₀)^−α + B(D/D₀)^−β) × (1 + γ·shift)).
 * Each factor is non-increasing in compute and data and non-decreasing in shift.
 */
export function domainError(
  computeFlop: number,
  effectiveSamples: number,
  shift: number,
  law: ScalingLaw,
): DomainError {
  const computeTerm =
    computeFlop > 0
      ? law.computeError * Math.pow(computeFlop / law.referenceCompute, -law.computeExponent)
      : Infinity;
  const dataTerm =
    effectiveSamples > 0
      ? law.dataError * Math.pow(effectiveSamples / law.referenceSamples, -law.dataExponent)
      : Infinity;
  const inDomainError = law.floor + computeTerm + dataTerm;
  const multiplier = law.shiftPenalty * shift;
  const error = Math.min(MAX_ERROR, inDomainError * (1 + multiplier));
  // Written so that an infinite error times no shift is no shift, not NaN.
  const shiftTerm = multiplier > 0 ? inDomainError * multiplier : 0;
  const limitedBy: ErrorLimit =
    shiftTerm > computeTerm && shiftTerm > dataTerm
      ? 'shift'
      : computeTerm >= dataTerm
        ? 'compute'
        : 'data';
  return { computeTerm, dataTerm, inDomainError, error, limitedBy };
}
