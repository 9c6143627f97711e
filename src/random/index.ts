export { Rng, mix32 } from './rng.ts';
export { exponential, normalFrom } from './samplers.ts';
export { CounterCursor, CounterStream } from './counter-uniform.ts';
export { logFactorial, poisson, type UniformSource } from './poisson.ts';
export { normalCdf, normalQuantile, normalUpperTail } from './normal-distribution.ts';
export { betaCdf, betaQuantile, logGamma } from './beta-distribution.ts';
export { KroneckerSequence } from './kronecker-sequence.ts';
