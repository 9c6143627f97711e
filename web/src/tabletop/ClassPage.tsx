import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useState } from 'react';
import { PlotFigure } from '../charts/PlotFigure.tsx';
import { CHART_STYLE, RISK_COLOUR } from '../charts/style.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { ci, integer, percentWithInterval } from '../format/number.ts';
import { tabletopApi, type ClassView } from './tabletop-api.ts';

/**
 * A class across its exercises: how often its players approved false alarms, their decision
 * times against the time they had, and how often their crises ended in use against the same
 * trials played by the scenario's agents.
 */
export function ClassPage({ name }: { readonly name: string }) {
  const [view, setView] = useState<ClassView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    tabletopApi.classView(name).then(setView, setError);
  }, [name]);
  const options = useMemo<Plot.PlotOptions | null>(() => {
    if (view === null || view.times.length === 0) return null;
    const data = view.times.map((t) => ({ ...t, status: t.late ? 'late' : 'in time' }));
    const top = Math.max(...data.map((d) => Math.max(d.seconds, d.limitSeconds)), 1);
    return {
      ...CHART_STYLE,
      height: 320,
      x: { label: 'time the player had (s) →', domain: [0, top], grid: true },
      y: { label: '↑ time the player took (s)', domain: [0, top], grid: true },
      color: { domain: ['in time', 'late'], range: ['#0072B2', RISK_COLOUR], legend: true },
      marks: [
        Plot.line(
          [
            [0, 0],
            [top, top],
          ],
          { stroke: '#333', strokeDasharray: '4 3' },
        ),
        Plot.dot(data, { x: 'limitSeconds', y: 'seconds', fill: 'status', r: 4 }),
      ],
    };
  }, [view]);
  if (error !== null) return <ErrorBox error={error} />;
  if (view === null) return <p>Loading class {name}…</p>;
  const interval = (e: ClassView['late']) => percentWithInterval(e.p, ci(e.ci95));
  return (
    <article data-testid="class-page">
      <h1>Class {view.className}</h1>
      <p data-testid="class-exercises">
        {integer(view.ended)} of {integer(view.exercises)} exercises played to their end.
      </p>
      <table data-testid="class-summary">
        <caption>Across the exercises played to their end, with 95% Wilson intervals</caption>
        <tbody>
          <tr>
            <th scope="row">false alarms the players approved</th>
            <td data-testid="class-approved">
              {view.falseAlarms > 0
                ? `${interval(view.approvedFalseAlarms)} of ${integer(view.falseAlarms)}`
                : 'no false alarm reached a player'}
            </td>
          </tr>
          <tr>
            <th scope="row">decisions made too late</th>
            <td data-testid="class-late">
              {interval(view.late)} of {integer(view.decisions)}
            </td>
          </tr>
          <tr>
            <th scope="row">crises ending in nuclear use, as played</th>
            <td data-testid="class-use">{interval(view.nuclearUse)}</td>
          </tr>
          <tr>
            <th scope="row">the same trials played by the scenario’s agents</th>
            <td data-testid="class-agents-use">{interval(view.agentsNuclearUse)}</td>
          </tr>
        </tbody>
      </table>
      {options && (
        <PlotFigure
          options={options}
          caption="Each decision of a player: the time taken against the time there was (above the dashed line is late and fell to the doctrine default)."
          testId="class-times-chart"
          maxWidth={700}
        />
      )}
    </article>
  );
}
