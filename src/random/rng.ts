/**
 * xoshiro128** over a 4-word state, seeded from (seed, trial, stream) so any trial of any run can be
 * replayed alone and each mechanism draws from its own stream (common random numbers across variants).
 */
export class Rng {
  private readonly s = new Uint32Array(4);

  constructor(seed = 0, trial = 0, stream = 0) {
    this.reseed(seed, trial, stream);
  }

  /** Re-seeds in place, so the hot loop reuses one generator per stream and allocates nothing. */
  reseed(seed: number, trial: number, stream: number): void {
    // Each state word is its own murmur3 hash (a different hash seed per word) of all 64+64+32 key
    // bits, so nearby keys give unrelated states and two keys share a state only by a 2^-128
    // accident; a short warm-up spreads any residual pattern.
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    const trialLo = trial >>> 0;
    const trialHi = Math.floor(trial / 4294967296) >>> 0;
    const s = this.s;
    for (let i = 0; i < 4; i++)
      s[i] = murmur5(HASH_SEEDS[i], seedLo, seedHi, trialLo, trialHi, stream >>> 0);
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    for (let i = 0; i < WARM_UP; i++) this.nextUint32();
  }

  /** Next raw 32-bit output. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform double in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform double in (0, 1]: safe under log. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }
}

const WARM_UP = 8;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export const HASH_SEEDS = [0x5eed5eed, 0x8badf00d, 0x1b873593, 0x68e31da4];

/** murmur3_32 of five 32-bit words under the given hash seed. */
export function murmur5(
  seed: number,
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
): number {
  let h = seed;
  h = block(h, a);
  h = block(h, b);
  h = block(h, c);
  h = block(h, d);
  h = block(h, e);
  return mix32(h ^ 20);
}

export function block(h: number, k: number): number {
  return fold(h, scramble(k));
}

/** The key half of a murmur3 block: depends on the word alone, so a fixed word can be done once. */
export function scramble(k: number): number {
  return Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
}

/** The state half of a murmur3 block, taking a scrambled word. */
export function fold(h: number, scrambled: number): number {
  return (Math.imul(rotl(h ^ scrambled, 13), 5) + 0xe6546b64) | 0;
}

/** murmur3 finaliser: a bijective 32-bit mixer. */
export function mix32(h: number): number {
  h = h | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
