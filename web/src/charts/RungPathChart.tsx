import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { TraceResult } from '../api/types.ts';
import { clock, words } from '../format/number.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { rungPath, type RungPoint } from './rung-path.ts';
import { ACTOR_COLOURS, CHART_STYLE, RISK_COLOUR, FIRST_NUCLEAR_RUNG } from './style.ts';

interface Props {
  readonly trace: TraceResult;
}

/** Both actors' rungs over one crisis, as steps on the escalation ladder. */
export function RungPathChart({ trace }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const points = rungPath(trace);
    const ladder = trace.ladder.map(words);
    const actors = Object.keys(trace.initialRung);
    const nuclear = trace.ladder.slice(trace.ladder.indexOf(FIRST_NUCLEAR_RUNG)).map(words);
    return {
      ...CHART_STYLE,
      height: 60 + ladder.length * 28,
      marginLeft: 170,
      marginRight: 30,
      x: { label: 'day of the crisis', grid: true, nice: true },
      y: { domain: [...ladder].reverse(), label: null },
      color: { legend: true, domain: actors, range: ACTOR_COLOURS },
      marks: [
        Plot.barX(nuclear, {
          y: (r: string) => r,
          x1: 0,
          x2: Math.max(...points.map((p) => p.day), 0),
          fill: RISK_COLOUR,
          fillOpacity: 0.08,
        }),
        Plot.line(points, {
          x: 'day',
          y: (p: RungPoint) => words(p.rung),
          stroke: 'actor',
          strokeWidth: 2.5,
          curve: 'step-after',
        }),
        Plot.tip(
          points,
          Plot.pointer({
            x: 'day',
            y: (p: RungPoint) => words(p.rung),
            title: (p: RungPoint) => `${clock(p.day * 1440)} · ${p.actor}\n${words(p.rung)}`,
          }),
        ),
      ],
    };
  }, [trace]);
  return (
    <PlotFigure
      options={options}
      caption="Each side's rung over the crisis, on the escalation ladder (shaded: nuclear use). Hover to read a step."
      testId="rung-path"
    />
  );
}
