import { MAX_GAP, type ScalingLaw } from './scaling-law.ts';

/**
 * Over-confidence (reported confidence minus accuracy, in probability points) of a domain's
 * labels: g₀ + g₁ × shift, capped at MAX_GAP. It grows with shift and nothing else.
 */
export function calibrationGap(shift: number, law: ScalingLaw): number {
  return Math.min(MAX_GAP, law.gapInDistribution + law.gapPerShift * shift);
}
