// Chart specs shared by the web app and server-side reports: plain rows in, Observable Plot options
// out. This folder imports nothing but Plot, so the browser bundle may import it (see
// .dependency-cruiser.cjs): one set of specs, one look everywhere.
export * from './chart-style.ts';
export { intervalChart, type IntervalRow } from './interval-chart.ts';
export { tornadoChart, type Interval, type TornadoRow } from './tornado-chart.ts';
export { sobolChart, type SobolRow } from './sobol-chart.ts';
export { bandChart, type BandRow } from './band-chart.ts';
export { bandRows, sobolRows, tornadoRows } from './study-rows.ts';
