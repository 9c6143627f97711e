/** A source of uniforms strictly inside (0, 1). */
export interface UniformSource {
  next(): number;
}

/** Below this mean, inversion (a walk up the cumulative probabilities) is cheaper than rejection. */
const INVERSION_BELOW = 10;

/**
 * An exact Poisson draw with the given mean (0 when the mean is 0). Small means invert the
 * distribution function with one uniform; larger ones use Hörmann's transformed rejection with
 * squeeze (PTRS, 1993: about 1.1 pairs of uniforms per draw, exact for any mean ≥ 10). The engine
 * uses it to count the tracks it never handles one by one (thinning, docs/model.md).
 */
export function poisson(mean: number, source: UniformSource): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean ${mean}`);
  if (mean === 0) return 0;
  return mean < INVERSION_BELOW ? byInversion(mean, source) : byRejection(mean, source);
}

/** The last small mean and its exp(−mean), for the same reason as the rejection constants below. */
let lastSmallMean = NaN;
let expMinusMean = 1;

function byInversion(mean: number, source: UniformSource): number {
  const u = source.next();
  if (mean !== lastSmallMean) {
    lastSmallMean = mean;
    expMinusMean = Math.exp(-mean);
  }
  let k = 0;
  let p = expMinusMean;
  let cumulative = p;
  // The cap stops a walk that rounding leaves just short of u (the pmf below 1e-300 by then).
  while (cumulative < u && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

/**
 * The last mean's rejection constants: the engine draws most trials' benign counts with the same
 * mean (a trial that runs to the horizon), and the two logs and a root cost as much as a draw.
 */
let lastMean = NaN;
let logMean = 0;
let a = 0;
let b = 0;
let logInverseAlpha = 0;
let acceptSqueeze = 0;

function byRejection(mean: number, source: UniformSource): number {
  if (mean !== lastMean) {
    lastMean = mean;
    logMean = Math.log(mean);
    b = 0.931 + 2.53 * Math.sqrt(mean);
    a = -0.059 + 0.02483 * b;
    logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    acceptSqueeze = 0.9277 - 3.6224 / (b - 2);
  }
  for (;;) {
    const u = source.next() - 0.5;
    const v = source.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptSqueeze) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

const TABLE = 256;
const LOG_FACTORIAL = new Float64Array(TABLE);
for (let k = 1; k < TABLE; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log k!, from a table below 256 and Stirling's series above (error below 1e-16 relative there). */
export function logFactorial(k: number): number {
  if (k < TABLE) return LOG_FACTORIAL[k];
  const n = k + 1;
  const r = 1 / n;
  const r2 = r * r;
  return (
    (n - 0.5) * Math.log(n) -
    n +
    HALF_LOG_TWO_PI +
    r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)))
  );
}
