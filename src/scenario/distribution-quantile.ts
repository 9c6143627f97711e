import { betaQuantile, normalCdf, normalQuantile } from '../random/index.ts';
import type { FieldBounds } from './field-bounds.ts';
import type { Distribution } from './uncertainty-schema.ts';

/** A value an uncertain parameter can take: a number, or one of a discrete set. */
export type ParameterValue = number | string | boolean;

/**
 * The quantile function of a distribution (u in (0, 1) to a value), with normal and lognormal
 * truncated to the field's bounds: design points map through it, so low-discrepancy designs and
 * the tornado's 5% and 95% points use one definition.
 */
export function distributionQuantile(
  d: Distribution,
  bounds: FieldBounds | null,
): (u: number) => ParameterValue {
  const lo = bounds?.min ?? -Infinity;
  const hi = bounds?.max ?? Infinity;
  switch (d.dist) {
    case 'uniform':
      return (u) => d.min + u * (d.max - d.min);
    case 'loguniform': {
      const [a, b] = [Math.log(d.min), Math.log(d.max)];
      return (u) => Math.exp(a + u * (b - a));
    }
    case 'triangular': {
      const width = d.max - d.min;
      const c = (d.mode - d.min) / width;
      return (u) =>
        u < c
          ? d.min + Math.sqrt(u * width * (d.mode - d.min))
          : d.max - Math.sqrt((1 - u) * width * (d.max - d.mode));
    }
    case 'normal': {
      const q = truncatedNormal((lo - d.mean) / d.sd, (hi - d.mean) / d.sd);
      return (u) => clamp(d.mean + d.sd * q(u), lo, hi);
    }
    case 'lognormal': {
      const mu = Math.log(d.median);
      const a = lo > 0 ? (Math.log(lo) - mu) / d.sigma : -Infinity;
      const q = truncatedNormal(a, (Math.log(hi) - mu) / d.sigma);
      return (u) => clamp(Math.exp(mu + d.sigma * q(u)), lo, hi);
    }
    case 'beta':
      return (u) => d.min + (d.max - d.min) * betaQuantile(u, d.alpha, d.beta);
    case 'discrete': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((s, w) => s + w, 0);
      return (u) => {
        let cumulative = 0;
        for (let i = 0; i < d.values.length; i++) {
          cumulative += weights[i] / total;
          if (u < cumulative) return d.values[i];
        }
        return d.values[d.values.length - 1];
      };
    }
  }
}

/** Probability a normal or lognormal keeps inside the field's bounds; 1 for the others. */
export function massInside(d: Distribution, bounds: FieldBounds | null): number {
  const lo = bounds?.min ?? -Infinity;
  const hi = bounds?.max ?? Infinity;
  if (d.dist === 'normal') return normalCdf((hi - d.mean) / d.sd) - normalCdf((lo - d.mean) / d.sd);
  if (d.dist === 'lognormal') {
    const mu = Math.log(d.median);
    const a = lo > 0 ? normalCdf((Math.log(lo) - mu) / d.sigma) : 0;
    return normalCdf((Math.log(hi) - mu) / d.sigma) - a;
  }
  return 1;
}

/** Standard normal quantile restricted to [a, b] (z-scores). */
function truncatedNormal(a: number, b: number): (u: number) => number {
  const [pa, pb] = [a === -Infinity ? 0 : normalCdf(a), b === Infinity ? 1 : normalCdf(b)];
  return (u) => normalQuantile(pa + u * (pb - pa));
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
