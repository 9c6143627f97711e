// Hand-specialised kernel of the analytic model (one sensor, false alarms at rate l per day, each
// labelled hostile with probability f and missed with probability m; a missed one is use):
// event-driven, inlined xoshiro128**, no allocation. The reference the general engine is held to.
export function analyticKernel(
  trials: number,
  seed: number,
  l: number,
  f: number,
  m: number,
  days: number,
): number {
  let s0 = (seed * 0x9e3779b9) | 1;
  let s1 = 0x243f6a88 ^ seed;
  let s2 = 0x85a308d3;
  let s3 = 0x13198a2e;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return (result + 0.5) / 4294967296;
  };
  let uses = 0;
  for (let i = 0; i < trials; i++) {
    let t = -Math.log(next()) / l;
    while (t < days) {
      if (next() < f && next() < m) {
        uses++;
        break;
      }
      t -= Math.log(next()) / l;
    }
  }
  return uses;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
