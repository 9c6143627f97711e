export { Rng, mix32 } from './rng.ts';
export { exponential, normalFrom } from './samplers.ts';
export { CounterStream } from './counter-uniform.ts';
export { normalCdf, normalQuantile, normalUpperTail } from './normal-distribution.ts';
