import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { TraceResult } from '../api/types.ts';
import { clock, words } from '../format/number.ts';
import { PlotFigure } from './PlotFigure.tsx';
import { CHART_STYLE } from './style.ts';
import { LANES, TRACE_KIND_COLOURS, traceLanes, type LaneEvent } from './trace-lanes.ts';

interface Props {
  readonly trace: TraceResult;
}

/** One crisis as swimlanes: for each actor, tracks, AI labels, comms, decisions and escalation. */
export function TimelineChart({ trace }: Props) {
  const options = useMemo<Plot.PlotOptions>(() => {
    const { events, outages } = traceLanes(trace);
    const quiet = events.filter((e) => e.quiet);
    const loud = events.filter(
      (e) => !e.quiet && e.kind !== 'outageStart' && e.kind !== 'outageEnd',
    );
    const actors = [...new Set(events.map((e) => e.actor))];
    const kinds = [...new Set(loud.map((e) => e.kind))];
    return {
      ...CHART_STYLE,
      height: 60 + actors.length * LANES.length * 26,
      marginLeft: 90,
      marginRight: 70,
      x: { label: 'day of the crisis', grid: true, nice: true },
      y: { domain: [...LANES], label: null },
      fy: { domain: actors, axis: null },
      color: {
        legend: true,
        domain: kinds.map(words),
        range: kinds.map((k) => TRACE_KIND_COLOURS[k] ?? '#444'),
      },
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        Plot.barX(outages, {
          fy: 'actor',
          y: () => 'comms',
          x1: 'from',
          x2: 'to',
          fill: '#999',
          fillOpacity: 0.35,
          title: (o: { from: number; to: number }) =>
            `comms outage from ${clock(o.from * 1440)} to ${clock(o.to * 1440)}`,
        }),
        Plot.tickX(quiet, {
          fy: 'actor',
          y: 'lane',
          x: 'day',
          stroke: '#9aa7b5',
          strokeOpacity: 0.5,
        }),
        Plot.dot(
          loud.filter((e) => e.kind !== 'nuclearUse'),
          { fy: 'actor', y: 'lane', x: 'day', fill: (e: LaneEvent) => words(e.kind), r: 5 },
        ),
        Plot.dot(
          loud.filter((e) => e.kind === 'nuclearUse'),
          {
            fy: 'actor',
            y: 'lane',
            x: 'day',
            fill: (e: LaneEvent) => words(e.kind),
            r: 11,
            symbol: 'star',
            stroke: 'white',
          },
        ),
        Plot.axisFy({ anchor: 'right', label: null, fontSize: 14, fontWeight: 'bold' }),
        Plot.tip(
          loud,
          Plot.pointer({
            fy: 'actor',
            y: 'lane',
            x: 'day',
            title: (e: LaneEvent) => `${clock(e.minute)} · ${e.actor}\n${e.text}`,
          }),
        ),
      ],
    };
  }, [trace]);
  return (
    <PlotFigure
      options={options}
      caption="Timeline of the crisis for each actor. Faint ticks are tracks the AI labelled benign; grey bars are comms outages; hover a dot to read the event."
      testId="trace-timeline"
    />
  );
}
