import { ExactSum } from '../util/index.ts';
import type { PairedEstimate } from './paired.ts';
import { Z95 } from './proportion.ts';

/**
 * Exact sums over trials of x = w₀·y₀ (baseline) and x₁ = w₁·y₁ (variant) run on the same
 * streams under one tilt, with their squares and cross product: the paired estimate's statistics.
 */
export class PairedMoments {
  readonly base = new ExactSum();
  readonly baseSquares = new ExactSum();
  readonly variant = new ExactSum();
  readonly variantSquares = new ExactSum();
  readonly cross = new ExactSum();

  add(x: number, y: number): void {
    if (x !== 0) {
      this.base.add(x);
      this.baseSquares.add(x * x);
    }
    if (y !== 0) {
      this.variant.add(y);
      this.variantSquares.add(y * y);
    }
    if (x !== 0 && y !== 0) this.cross.add(x * y);
  }

  merge(o: PairedMoments): void {
    this.base.merge(o.base);
    this.baseSquares.merge(o.baseSquares);
    this.variant.merge(o.variant);
    this.variantSquares.merge(o.variantSquares);
    this.cross.merge(o.cross);
  }

  toJSON(): PairedMomentsJson {
    return [this.base, this.baseSquares, this.variant, this.variantSquares, this.cross].map((s) =>
      s.toJSON(),
    );
  }

  static fromJSON(json: PairedMomentsJson): PairedMoments {
    const m = new PairedMoments();
    [m.base, m.baseSquares, m.variant, m.variantSquares, m.cross].forEach((s, i) =>
      s.merge(ExactSum.fromJSON(json[i])),
    );
    return m;
  }
}

export type PairedMomentsJson = readonly (readonly number[])[];

/**
 * Paired estimates from weighted trials: the risk reduction is the mean of x − x₁ with its
 * standard error from their spread; the risk ratio mean(x₁) / mean(x) has a log-scale interval by
 * the delta method with the covariance of the pair,
 *   var(log RR) ≈ var(x̄₁)/x̄₁² + var(x̄)/x̄² − 2 cov(x̄, x̄₁)/(x̄ x̄₁).
 */
export function pairedWeightedEstimate(m: PairedMoments, n: number): PairedEstimate {
  const sx = m.base.value;
  const sy = m.variant.value;
  const mx = sx / n;
  const my = sy / n;
  const varX = Math.max(0, (m.baseSquares.value - n * mx * mx) / (n - 1)) / n;
  const varY = Math.max(0, (m.variantSquares.value - n * my * my) / (n - 1)) / n;
  const cov = (m.cross.value - n * mx * my) / (n - 1) / n;
  const d = mx - my;
  const stderr = Math.sqrt(Math.max(0, varX + varY - 2 * cov));
  return {
    absoluteRiskReduction: { estimate: d, stderr, ci95: [d - Z95 * stderr, d + Z95 * stderr] },
    riskRatio: mx > 0 ? ratio(mx, my, varX, varY, cov) : null,
    independentStderr: Math.sqrt(varX + varY),
  };
}

function ratio(mx: number, my: number, varX: number, varY: number, cov: number) {
  const estimate = my / mx;
  if (my <= 0) {
    // No sampled use under the variant: the log scale is undefined, so bound it linearly.
    const half = (Z95 * Math.sqrt(varY)) / mx;
    return { estimate, ci95: [0, half] as const };
  }
  const half =
    Z95 * Math.sqrt(Math.max(0, varY / (my * my) + varX / (mx * mx) - (2 * cov) / (mx * my)));
  return { estimate, ci95: [estimate * Math.exp(-half), estimate * Math.exp(half)] as const };
}
