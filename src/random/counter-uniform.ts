import type { UniformSource } from './poisson.ts';
import { block, fold, HASH_SEEDS, mix32, scramble } from './rng.ts';

/**
 * Counter-based uniforms: the i-th number of a keyed stream is a hash of (key, i), so any draw can
 * be computed on demand, in any order, without stepping a generator. The engine gives every event
 * of every process a fixed block of counters; only the draws an event needs are computed, yet the
 * same event always meets the same numbers (common random numbers per event).
 */
export class CounterStream {
  private key = 0;
  /** The second key, already through murmur3's key scramble (it is the same for every draw). */
  private key2 = 0;

  /** Keys the stream by (seed, trial, stream), as `Rng` is seeded. */
  reseed(seed: number, trial: number, stream: number): void {
    // Two murmur3 hashes of the same five words under two seeds: each word is scrambled once.
    const a = scramble(seed >>> 0);
    const b = scramble(Math.floor(seed / 4294967296) >>> 0);
    const c = scramble(trial >>> 0);
    const d = scramble(Math.floor(trial / 4294967296) >>> 0);
    const e = scramble(stream >>> 0);
    let h1 = HASH_SEEDS[0];
    let h2 = HASH_SEEDS[1];
    h1 = fold(fold(fold(fold(fold(h1, a), b), c), d), e);
    h2 = fold(fold(fold(fold(fold(h2, a), b), c), d), e);
    this.key = mix32(h1 ^ 20);
    this.key2 = scramble(mix32(h2 ^ 20));
  }

  /** The counter-th uniform, strictly inside (0, 1) so logs of u and 1 − u are finite. */
  uniform(counter: number): number {
    // murmur3 of (counter, key2) under the seed key: full avalanche, so counters a fixed distance
    // apart (slots of one event) give independent numbers. A lighter Weyl-step-and-finaliser
    // version correlated slot 0 with slot 7 for some keys (a 4-sigma deficit in their conjunction).
    const h = mix32(fold(block(this.key, counter | 0), this.key2) ^ 8);
    return (h + 0.5) / 4294967296;
  }
}

/** Uniforms from a counter stream at counters start, start − 1, … (a `UniformSource`). */
export class CounterCursor implements UniformSource {
  private stream: CounterStream | undefined = undefined;
  private counter = 0;

  start(stream: CounterStream, counter: number): void {
    this.stream = stream;
    this.counter = counter;
  }

  next(): number {
    return (this.stream as CounterStream).uniform(this.counter--);
  }
}
