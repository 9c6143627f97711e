export { Rng, mix32 } from './rng.ts';
export { exponential, standardNormal, normalFrom, lognormal, bernoulli } from './samplers.ts';
export { CounterStream } from './counter-uniform.ts';
