/**
 * One palette and font for every chart, in the web app and in reports, so a figure looks the same
 * everywhere. Colour-blind-safe (Okabe–Ito) colours for the actors and for first/total order.
 */
export const CHART_STYLE = { fontSize: '13px', fontFamily: 'inherit', overflow: 'visible' };
export const ACTOR_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
export const RISK_COLOUR = '#B2182B';
export const BASELINE_COLOUR = '#555555';
export const RUNG_COLOUR = '#7a8ca3';
/** The low end of a tornado bar, and first-order indices. */
export const LOW_COLOUR = '#0072B2';
/** The high end of a tornado bar, and total-order indices. */
export const HIGH_COLOUR = '#D55E00';
/** Left margin that fits a parameter path or a cause name. */
export const LABEL_MARGIN = 230;
