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
    // splitmix32 over a mix of the three keys; the high word of seed and trial are folded in too.
    let x = mix32(
      (seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 0x9e3779b9) ^ mix32(stream + 0x632be5ab),
    );
    x = mix32(x ^ mix32((trial >>> 0) + 0x85ebca6b) ^ mix32(Math.floor(trial / 4294967296)));
    const s = this.s;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      s[i] = mix32(x);
    }
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
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
