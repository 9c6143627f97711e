export {
  computeCapability,
  type Capability,
  type CapabilityInputs,
  type DomainCapability,
} from './capability.ts';
export { usableAccelerators, type Hardware, type HardwareBinding } from './usable-accelerators.ts';
export { trainingCompute } from './training-compute.ts';
export { effectiveData, type TrainingData, type DomainData } from './effective-data.ts';
export { domainError, type DomainError, type ErrorLimit } from './domain-error.ts';
export { calibrationGap } from './calibration-gap.ts';
export { DEFAULT_SCALING_LAW, MAX_ERROR, MAX_GAP, type ScalingLaw } from './scaling-law.ts';
