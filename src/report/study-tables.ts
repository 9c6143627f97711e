import {
  isRatioTornado,
  STUDY_OUTCOMES,
  type RatioEstimate,
  type RatioTornadoResult,
  type SensitivityTornado,
  type Estimated,
  type QuantileEstimate,
  type SobolResult,
  type TornadoResult,
  type UncertaintyResult,
} from '../analysis/index.ts';
import type { Difference, ProportionEstimate } from '../estimate/index.ts';
import type { ParameterValue } from '../scenario/index.ts';
import { columns, type Cell, type DataTable } from './data-table.ts';

/** Every study row: what it measures, of which parameter or safeguard, and the estimate's error. */
const STUDY_COLUMNS = columns(
  ['analysis', 'string'],
  ['outcome', 'string'],
  ['parameter', 'string'],
  ['measure', 'string'],
  ['value', 'string'],
  ['estimate', 'number'],
  ['stderr', 'number'],
  ['ci_low', 'number'],
  ['ci_high', 'number'],
);

const text = (v: ParameterValue) => String(v);
const proportion = (e: ProportionEstimate): Cell[] => [e.p, e.stderr, e.ci95[0], e.ci95[1]];
const difference = (d: Difference): Cell[] => [d.estimate, d.stderr, d.ci95[0], d.ci95[1]];
const interval = (e: { estimate: number; ci: readonly [number, number] }): Cell[] => [
  e.estimate,
  null,
  e.ci[0],
  e.ci[1],
];
const quantile = (q: QuantileEstimate): Cell[] => [q.estimate, null, q.ci95[0], q.ci95[1]];
const estimated = (e: Estimated): Cell[] => [e.estimate, e.stderr, null, null];

const ratio = (e: RatioEstimate | null): Cell[] =>
  e === null ? [null, null, null, null] : [e.estimate, e.stderr, e.ci95[0], e.ci95[1]];
const maybe = (d: Difference | null): Cell[] =>
  d === null ? [null, null, null, null] : difference(d);

/** A ratio tornado's rows; `value` of the baseline row names the safeguard, empty cells are undefined ratios. */
function ratioTornadoRows(tornado: RatioTornadoResult): Cell[][] {
  const [a, o] = ['tornado_ratio', tornado.outcome];
  const rows: Cell[][] = [
    [a, o, null, 'ratio_baseline', tornado.safeguard, ...ratio(tornado.baseline)],
  ];
  for (const bar of tornado.bars) {
    const p = bar.parameter;
    rows.push(
      [a, o, p, 'ratio_at_5', text(bar.low.value), ...ratio(bar.low.ratio)],
      [a, o, p, 'change_at_5', text(bar.low.value), ...maybe(bar.low.change)],
      [a, o, p, 'ratio_at_95', text(bar.high.value), ...ratio(bar.high.ratio)],
      [a, o, p, 'change_at_95', text(bar.high.value), ...maybe(bar.high.change)],
      [a, o, p, 'swing', null, ...maybe(bar.swing)],
    );
  }
  return rows;
}

/**
 * A tornado (and any Sobol indices) as tidy rows, exactly the numbers of `--json`: the baseline;
 * per parameter each end's probability and paired change (`value` the parameter's value there) and
 * the swing; then the variance over the parameters and each first and total order index with its
 * bootstrap interval (no standard error: the interval is a bootstrap percentile one). A study of a
 * safeguard's risk ratio writes `tornado_ratio` and `sobol_ratio` rows instead, with the safeguard
 * in the `value` of its baseline and variance rows.
 */
export function sensitivityTable(
  tornado: SensitivityTornado,
  sobol: SobolResult | null,
): DataTable {
  const rows = isRatioTornado(tornado)
    ? ratioTornadoRows(tornado)
    : probabilityTornadoRows(tornado);
  if (sobol !== null) {
    const [a, s, g] = sobol.ratio
      ? ['sobol_ratio', sobol.outcome, sobol.ratio.safeguard]
      : ['sobol', sobol.outcome, null];
    rows.push([a, s, null, 'variance', g, ...interval(sobol.variance)]);
    for (const i of sobol.indices) {
      rows.push(
        [a, s, i.parameter, 'first_order', null, ...interval(i.first)],
        [a, s, i.parameter, 'total_order', null, ...interval(i.total)],
      );
    }
  }
  return { columns: STUDY_COLUMNS, rows };
}

function probabilityTornadoRows(tornado: TornadoResult): Cell[][] {
  const o = tornado.outcome;
  const rows: Cell[][] = [['tornado', o, null, 'baseline', null, ...proportion(tornado.baseline)]];
  for (const bar of tornado.bars) {
    const p = bar.parameter;
    rows.push(
      ['tornado', o, p, 'p_at_5', text(bar.low.value), ...proportion(bar.low.estimate)],
      ['tornado', o, p, 'change_at_5', text(bar.low.value), ...difference(bar.low.change)],
      ['tornado', o, p, 'p_at_95', text(bar.high.value), ...proportion(bar.high.estimate)],
      ['tornado', o, p, 'change_at_95', text(bar.high.value), ...difference(bar.high.change)],
      ['tornado', o, p, 'swing', null, ...difference(bar.swing)],
    );
  }
  return rows;
}

/**
 * An uncertainty study as tidy rows: per outcome its mean, median, 5% and 95% points over the
 * parameters (each with its Monte Carlo error) and the noise and parameter shares of the spread;
 * per safeguard (in `parameter`) its mean reduction and the shares of parameter sets where it
 * lowers the risk and where it is best; then how often the ranking holds.
 */
export function uncertaintyTable(result: UncertaintyResult): DataTable {
  const rows: Cell[][] = [];
  const share = (x: number | null): Cell[] => [x, null, null, null];
  for (const outcome of STUDY_OUTCOMES) {
    const s = result.outcomes[outcome];
    const add = (measure: string, cells: Cell[]) =>
      rows.push(['uncertainty', outcome, null, measure, null, ...cells]);
    add('mean', estimated(s.mean));
    add('median', quantile(s.median));
    add('p05', quantile(s.p05));
    add('p95', quantile(s.p95));
    add('noise_share', share(s.noiseShare));
    add('parameter_share', share(s.parameterShare));
  }
  for (const g of result.safeguards) {
    const add = (measure: string, cells: Cell[]) =>
      rows.push(['safeguard', 'nuclearUse', g.name, measure, null, ...cells]);
    add('mean_reduction', estimated(g.meanReduction));
    add('lowers_risk', estimated(g.lowersRisk));
    add('best', estimated(g.best));
    add('noise_share', share(g.noiseShare));
  }
  if (result.ranking !== null) {
    rows.push([
      'safeguard',
      'nuclearUse',
      result.ranking.order.join(' > '),
      'ranking_holds',
      null,
      ...estimated(result.ranking.holds),
    ]);
  }
  return { columns: STUDY_COLUMNS, rows };
}
