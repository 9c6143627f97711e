/** One palette and font for report charts (the web app's web/src/charts/style.ts, same values). */
export const CHART_STYLE = { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' };
export const RISK_COLOUR = '#B2182B';
export const BASELINE_COLOUR = '#555555';
export const RUNG_COLOUR = '#7a8ca3';
