/** Shared chart settings: the one palette and font of every chart, web and report alike. */
export {
  ACTOR_COLOURS,
  BASELINE_COLOUR,
  CHART_STYLE,
  RISK_COLOUR,
} from '../../../src/charts/index.ts';

/** The first rung of nuclear use: charts shade it and every rung above it. */
export const FIRST_NUCLEAR_RUNG = 'limited_nuclear_use';
