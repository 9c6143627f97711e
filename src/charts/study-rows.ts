import type { SensitivityTornado, SobolResult, UncertaintyResult } from '../analysis/index.ts';
import type { BandRow } from './band-chart.ts';
import type { SobolRow } from './sobol-chart.ts';
import type { TornadoRow } from './tornado-chart.ts';

type Ci = { readonly estimate: number; readonly ci95: readonly [number, number] };
const interval = (e: Ci) => ({ estimate: e.estimate, low: e.ci95[0], high: e.ci95[1] });

/**
 * A tornado's bars as chart rows: each end's paired change from the baseline, widest first. A
 * ratio bar with an undefined end (no outcome without the safeguard there) is left out of the
 * chart; its table row says why.
 */
export function tornadoRows(result: SensitivityTornado): TornadoRow[] {
  // Charts import only types from analysis: a ratio tornado is the one that names its safeguard.
  if (!('safeguard' in result)) {
    return result.bars.map((b) => ({
      label: b.parameter,
      low: interval(b.low.change),
      high: interval(b.high.change),
    }));
  }
  return result.bars.flatMap((b) =>
    b.low.change && b.high.change
      ? [{ label: b.parameter, low: interval(b.low.change), high: interval(b.high.change) }]
      : [],
  );
}

/** Sobol indices as chart rows, largest total order first, with their bootstrap intervals. */
export function sobolRows(result: SobolResult): SobolRow[] {
  return result.indices.map((i) => ({
    label: i.parameter,
    first: { estimate: i.first.estimate, low: i.first.ci[0], high: i.first.ci[1] },
    total: { estimate: i.total.estimate, low: i.total.ci[0], high: i.total.ci[1] },
  }));
}

/** The band of P(nuclear use) and of each cause over the parameters. */
export function bandRows(result: UncertaintyResult, label: (outcome: string) => string): BandRow[] {
  return Object.entries(result.outcomes).map(([outcome, s]) => ({
    label: label(outcome),
    p05: interval(s.p05),
    median: interval(s.median),
    p95: interval(s.p95),
  }));
}
