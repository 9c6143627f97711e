import * as Plot from '@observablehq/plot';
import type { AgreementResult } from '../analysis/index.ts';
import { CHART_STYLE, RISK_COLOUR } from '../charts/index.ts';

/**
 * For which verification probability v (x) and penalty on a detected breach (y) a mutual restraint
 * is self-enforcing: each cell shaded by the share of resampled payoffs in which no side gains by
 * breaching, with the curve v × penalty = the estimated threshold above which it holds.
 */
export function agreementChart(
  agreement: AgreementResult,
  players: readonly [string, string],
): Plot.PlotOptions {
  const { verification, penalty, probability } = agreement.grid;
  const cells = penalty.flatMap((f, i) =>
    verification.map((v, j) => ({ v, f, p: probability[i][j] })),
  );
  const dv = verification[1] - verification[0];
  const df = penalty[1] - penalty[0];
  const t = agreement.threshold.estimate;
  const curve =
    t > 0
      ? verification
          .filter((v) => v > 0 && t / v <= penalty[penalty.length - 1])
          .map((v) => ({ v, f: t / v }))
      : [];
  return {
    ...CHART_STYLE,
    height: 420,
    marginLeft: 70,
    x: {
      label: 'verification probability v →',
      domain: [-dv / 2, 1 + dv / 2],
      tickFormat: (x: number) => `${Math.round(100 * x)}%`,
    },
    y: {
      label: '↑ penalty on a detected breach (payoff units)',
      domain: [-df / 2, penalty[penalty.length - 1] + df / 2],
    },
    // Bands, not a continuous ramp: its legend needs a canvas, and bands read as "how sure".
    color: {
      type: 'threshold',
      domain: [0.05, 0.5, 0.95],
      range: ['#f7f7f7', '#c6dbef', '#6baed6', '#2166AC'],
      label: 'P(self-enforcing)',
      legend: false,
      tickFormat: (x: number) => `${Math.round(100 * x)}%`,
    },
    marks: [
      Plot.rect(cells, {
        x1: (d: { v: number }) => d.v - dv / 2,
        x2: (d: { v: number }) => d.v + dv / 2,
        y1: (d: { f: number }) => d.f - df / 2,
        y2: (d: { f: number }) => d.f + df / 2,
        fill: 'p',
      }),
      Plot.line(curve, { x: 'v', y: 'f', stroke: RISK_COLOUR, strokeWidth: 2 }),
      // A key inside the frame (Plot's own legend is HTML beside the SVG, lost in a standalone file).
      ...[
        `restraint: ${players[0]} ${agreement.restraint[0]}, ${players[1]} ${agreement.restraint[1]}`,
        'P(self-enforcing): white < 5%, light 5–50%, mid 50–95%, dark > 95%',
        'red: v × penalty = the estimated threshold',
      ].map((line, i) =>
        Plot.text([line], {
          frameAnchor: 'bottom-left',
          textAnchor: 'start',
          dx: 6,
          dy: -6 - 16 * (2 - i),
        }),
      ),
    ],
  };
}
