import { calibrationGap } from './calibration-gap.ts';
import { domainError, type ErrorLimit } from './domain-error.ts';
import { effectiveData, type TrainingData } from './effective-data.ts';
import { DEFAULT_SCALING_LAW, type ScalingLaw } from './scaling-law.ts';
import { trainingCompute } from './training-compute.ts';
import { usableAccelerators, type Hardware, type HardwareBinding } from './usable-accelerators.ts';

/** Everything M6 needs about one AI component's training: plain numbers, no scenario types. */
export interface CapabilityInputs<D extends string> {
  readonly hardware: Hardware;
  /** Length of the training run, days (more than 0). */
  readonly days: number;
  /** Share of peak throughput the run sustains, in (0, 1]. */
  readonly utilisation: number;
  readonly data: TrainingData<D>;
  /** Share of the errors that are false positives: FPR = 2·err·φ, FNR = 2·err·(1 − φ). */
  readonly falsePositiveShare: number;
  /** Constants of the error law. Default: DEFAULT_SCALING_LAW. */
  readonly law?: ScalingLaw;
}

export interface DomainCapability {
  readonly share: number;
  readonly inDomainSamples: number;
  readonly effectiveSamples: number;
  readonly shift: number;
  readonly computeTerm: number;
  readonly dataTerm: number;
  readonly inDomainError: number;
  /** Balanced error, mean of the two rates below. */
  readonly error: number;
  readonly falsePositive: number;
  readonly falseNegative: number;
  /** Over-confidence in probability points. */
  readonly calibrationGap: number;
  readonly limitedBy: ErrorLimit;
}

export interface Capability<D extends string> {
  readonly requested: number;
  readonly wattsPerAccelerator: number;
  readonly powerCap: number;
  readonly usable: number;
  readonly binding: HardwareBinding;
  /** Training compute, FLOP. */
  readonly computeFlop: number;
  readonly domains: Readonly<Record<D, DomainCapability>>;
}

/**
 * M6: from accelerators, power, time and data to per-domain error rates and over-confidence.
 * Pure: the same inputs always give the same numbers.
 */
export function computeCapability<D extends string>(inputs: CapabilityInputs<D>): Capability<D> {
  const law = inputs.law ?? DEFAULT_SCALING_LAW;
  const hw = usableAccelerators(inputs.hardware);
  const computeFlop = trainingCompute(
    hw.usable,
    inputs.hardware.peakTflops,
    inputs.utilisation,
    inputs.days,
  );
  const data = effectiveData(inputs.data);
  const phi = inputs.falsePositiveShare;
  const domains = {} as Record<D, DomainCapability>;
  for (const d of Object.keys(data) as D[]) {
    const dd = data[d];
    const e = domainError(computeFlop, dd.effectiveSamples, dd.shift, law);
    domains[d] = {
      ...dd,
      ...e,
      // err ≤ 0.5, so both rates stay within [0, 1].
      falsePositive: 2 * e.error * phi,
      falseNegative: 2 * e.error * (1 - phi),
      calibrationGap: calibrationGap(dd.shift, law),
    };
  }
  return {
    requested: inputs.hardware.count,
    wattsPerAccelerator: hw.wattsPerAccelerator,
    powerCap: hw.powerCap,
    usable: hw.usable,
    binding: hw.binding,
    computeFlop,
    domains,
  };
}
