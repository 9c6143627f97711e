import * as Plot from '@observablehq/plot';
import { markup, svgDocument } from './svg-document.ts';

/** Report charts' width in pixels: readable on a page and in a PDF. Default 820. */
export const REPORT_CHART_WIDTH = 820;

/** A chart's SVG markup, drawn by Observable Plot in Node, for a self-contained report. */
export function renderChart(options: Plot.PlotOptions, caption: string): string {
  const document = svgDocument() as unknown as Document;
  const chart = Plot.plot({ ariaLabel: caption, width: REPORT_CHART_WIDTH, ...options, document });
  return markup(chart);
}

/** A chart as a file of its own: the SVG root must name its namespace outside an HTML page. */
export function standaloneSvg(svg: string): string {
  const root = svg.startsWith('<svg ') && !svg.slice(0, 400).includes('xmlns=');
  return `${root ? svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ') : svg}\n`;
}
