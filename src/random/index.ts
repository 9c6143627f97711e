export { Rng, mix32 } from './rng.ts';
export { exponential, standardNormal, lognormal, bernoulli } from './samplers.ts';
