/** Shared chart settings: one palette and font so every chart reads the same. */
export const CHART_STYLE = { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' };

/** Colour-blind-safe (Okabe–Ito) colours for the actors and for use vs no use. */
export const ACTOR_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
export const RISK_COLOUR = '#B2182B';
export const BASELINE_COLOUR = '#555555';

/** The first rung of nuclear use: charts shade it and every rung above it. */
export const FIRST_NUCLEAR_RUNG = 'limited_nuclear_use';
