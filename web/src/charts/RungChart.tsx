import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import { words } from '../format/number.ts';
import type { RunResult } from '../api/types.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { CHART_STYLE, RISK_COLOUR, FIRST_NUCLEAR_RUNG } from './style.ts';

interface Props {
  readonly highestRung: RunResult['outcomes']['highestRung'];
}

interface Row {
  readonly actor: string;
  readonly rung: string;
  readonly nuclear: boolean;
  readonly p: number;
  readonly low: number;
  readonly high: number;
}

/** For each side, how often each rung was the highest it reached, with 95% intervals. */
export function RungChart({ highestRung }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const rows: Row[] = Object.entries(highestRung).flatMap(([actor, rungs]) => {
      const names = Object.keys(rungs);
      const firstNuclear = names.indexOf(FIRST_NUCLEAR_RUNG);
      return Object.entries(rungs).map(([rung, e], i) => ({
        actor,
        rung: words(rung),
        nuclear: firstNuclear >= 0 && i >= firstNuclear,
        p: e.p,
        low: e.ci95[0],
        high: e.ci95[1],
      }));
    });
    const rungOrder = [...new Set(rows.map((r) => r.rung))];
    const fill = (d: Row) => (d.nuclear ? RISK_COLOUR : '#7a8ca3');
    return {
      ...CHART_STYLE,
      height: 40 + rows.length * 26,
      marginLeft: 170,
      marginRight: 30,
      x: { label: 'share of crises in which this was the highest rung', percent: true, grid: true },
      y: { domain: rungOrder, label: null },
      // Each side's name sits inside its panel, where the eye starts, not on a far-right axis.
      fy: { axis: null },
      facet: { data: rows, y: 'actor' },
      marks: [
        Plot.barX(rows, { x: 'p', y: 'rung', fill, fillOpacity: 0.75 }),
        Plot.ruleY(rows, { y: 'rung', x1: 'low', x2: 'high', stroke: '#222', strokeWidth: 1.5 }),
        Plot.ruleX([0]),
        Plot.frame({ strokeOpacity: 0.15 }),
        Plot.text(Object.keys(highestRung), {
          fy: (actor: string) => actor,
          text: (actor: string) => actor,
          frameAnchor: 'bottom-right',
          dx: -8,
          dy: -8,
          fontSize: 15,
          fontWeight: 'bold',
        }),
      ],
    };
  }, [highestRung]);
  return (
    <PlotFigure
      options={options}
      caption="Highest rung reached per side: bars are the estimates, black lines their 95% intervals; red rungs are nuclear use."
      testId="rung-chart"
    />
  );
}
