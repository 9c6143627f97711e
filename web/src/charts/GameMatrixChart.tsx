import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { GameResult } from '../api/types.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { CHART_STYLE } from './style.ts';

interface Cell {
  readonly row: string;
  readonly col: string;
  readonly total: number;
  readonly label: string;
  readonly equilibrium: boolean;
}

/**
 * The payoff matrix: one cell per profile (first player's strategy down, second's across), shaded
 * by the two payoffs' sum, labelled with each payoff ± its error and P(equilibrium) (and over the
 * parameter sets too, when played); pure
 * equilibria framed in black.
 */
export function GameMatrixChart({ result }: { readonly result: GameResult }) {
  const options = useMemo((): Plot.PlotOptions => {
    const cells: Cell[] = result.profiles.map((p) => ({
      row: p.strategies[0],
      col: p.strategies[1],
      total: p.payoffs[0].estimate + p.payoffs[1].estimate,
      label: `${p.payoffs[0].estimate.toFixed(3)} ± ${p.payoffs[0].stderr.toFixed(3)}\n${p.payoffs[1].estimate.toFixed(3)} ± ${p.payoffs[1].stderr.toFixed(3)}\nP(eq.) ${Math.round(100 * p.equilibriumProbability)}%${p.parameterEquilibriumProbability ? `; params ${Math.round(100 * p.parameterEquilibriumProbability.estimate)}% ± ${Math.round(100 * p.parameterEquilibriumProbability.stderr)}` : ''}`,
      equilibrium: p.equilibrium,
    }));
    const rows = result.strategies[0].map((s) => s.name);
    const cols = result.strategies[1].map((s) => s.name);
    return {
      ...CHART_STYLE,
      height: 80 + 70 * rows.length,
      marginLeft: 170,
      marginTop: 40,
      x: { domain: cols, label: `${result.players[1]} →`, axis: 'top' },
      y: { domain: rows, label: `↓ ${result.players[0]}` },
      // Light shades so the labels stay readable on every cell.
      color: { range: ['#9ecae1', '#f7fbff'], legend: false },
      marks: [
        Plot.cell(cells, { x: 'col', y: 'row', fill: 'total', inset: 1 }),
        Plot.cell(
          cells.filter((c) => c.equilibrium),
          { x: 'col', y: 'row', stroke: 'black', strokeWidth: 3, fill: 'none', inset: 2 },
        ),
        Plot.text(cells, {
          x: 'col',
          y: 'row',
          text: 'label',
          lineHeight: 1.2,
        }),
      ],
    };
  }, [result]);
  return (
    <PlotFigure
      options={options}
      testId="game-matrix"
      caption={`Payoffs (${result.players[0]} first, ${result.players[1]} second; higher is better) with their errors; framed: pure equilibria; shade: the two payoffs' sum.`}
    />
  );
}
