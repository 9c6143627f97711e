export {
  compare,
  type Variant,
  type CompareOptions,
  type CompareResult,
  type VariantResult,
  type ArmResult,
} from './compare.ts';
export { pathways, type PathwaysOptions, type PathwaysResult, type Pathway } from './pathways.ts';
export { pathwaySignature, RawRecorder, type RawEvent } from './pathway-signature.ts';
