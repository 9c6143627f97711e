/**
 * The standard normal's distribution and quantile functions, accurate to about 1e-15 relative
 * in both tails: importance sampling draws normals inside a stratum (above or below a cut) by
 * inversion, and weighs them with the stratum's probability, so both must hold far into the tail.
 */

const SQRT2PI = Math.sqrt(2 * Math.PI);

/** Q(x) = P(Z > x). */
export function normalUpperTail(x: number): number {
  if (x < 0) return 1 - normalUpperTail(-x);
  if (x < 2) return 0.5 - 0.5 * erfSeries(x / Math.SQRT2);
  if (x > 38) return 0;
  return (Math.exp(-0.5 * x * x) / SQRT2PI) * millsRatio(x);
}

/** Φ(x) = P(Z ≤ x), computed from the small tail on either side. */
export function normalCdf(x: number): number {
  return x < 0 ? normalUpperTail(-x) : 1 - normalUpperTail(x);
}

/** erf(y) by its Taylor series: fine for y < √2 (x < 2), where terms stay small. */
function erfSeries(y: number): number {
  let term = y;
  let sum = y;
  const y2 = y * y;
  for (let n = 1; n < 60; n++) {
    term *= -y2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Q(x) / φ(x) by Laplace's continued fraction 1/(x + 1/(x + 2/(x + 3/(x + ...)))), x ≥ 2. */
function millsRatio(x: number): number {
  // Modified Lentz's method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    d = x + n * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + n / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

// Acklam's rational approximation of the quantile (relative error 1.15e-9), then refined.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1); −Infinity at 0 and Infinity at 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  // The lower half is computed directly; the upper half by symmetry, so tails keep their digits.
  if (p > 0.5) return -lowerQuantile(1 - p);
  return lowerQuantile(p);
}

/** The quantile of a probability of at most 1/2, refined by two Halley steps on Φ. */
function lowerQuantile(p: number): number {
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    // x ≤ 0 here, so Φ(x) = Q(−x) keeps full relative precision.
    const e = normalUpperTail(-x) - p;
    const u = e * SQRT2PI * Math.exp(0.5 * x * x);
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}
