import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import { ChartDownloads } from './ChartDownloads.tsx';

interface Props {
  /** Plot options without a width; the chart is redrawn when this object changes (memoise it). */
  readonly options: Plot.PlotOptions;
  readonly caption: string;
  readonly testId: string;
  /** Widest the chart gets, in pixels: long axes are hard to read. */
  readonly maxWidth?: number;
}

/** One Observable Plot chart in a captioned figure, as wide as its container; Plot owns the SVG. */
export function PlotFigure({ options, caption, testId, maxWidth = 1100 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === 0) return;
    const chart = Plot.plot({ ariaLabel: caption, ...options, width: Math.min(width, maxWidth) });
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, caption, width, maxWidth]);

  return (
    <figure className="chart" data-testid={testId} data-ready={width > 0 ? 'true' : 'false'}>
      <div ref={ref} />
      <figcaption>
        {caption} <ChartDownloads host={ref} name={testId} />
      </figcaption>
    </figure>
  );
}
