import { COUNT_NAMES, type CountName } from '../engine/index.ts';
import type { RunStatistics } from '../estimate/index.ts';
import type { ObservedData } from '../scenario/index.ts';
import { InputError, type Issue } from '../util/index.ts';

/** Trials that ended in nuclear use: a stage like any count (0 or 1 per trial). */
export const NUCLEAR_USE = 'nuclearUse';
export type MeasureName = CountName | typeof NUCLEAR_USE;

/** A stage's simulated count: a signed sum of per-trial counts. */
export type StageMeasure = readonly { readonly sign: 1 | -1; readonly name: MeasureName }[];

const NAMES: readonly string[] = [...COUNT_NAMES, NUCLEAR_USE];

/** Parses `name`, `a - b`, `a + b - c`; a wrong name is an error naming the known ones. */
export function parseMeasure(text: string): StageMeasure | string {
  const tokens = text.trim().split(/\s*([+-])\s*/);
  const terms: { sign: 1 | -1; name: MeasureName }[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const name = tokens[i];
    const sign = i === 0 ? 1 : tokens[i - 1] === '-' ? -1 : 1;
    if (!NAMES.includes(name)) {
      return name === ''
        ? `expected a count name before and after every + or -`
        : `unknown count ${JSON.stringify(name)} (known: ${NAMES.join(', ')})`;
    }
    terms.push({ sign, name: name as MeasureName });
  }
  return terms;
}

/** Every stage's measure, or an InputError naming each bad `stages.<i>.measure`. */
export function stageMeasures(data: ObservedData, source?: string): StageMeasure[] {
  const issues: Issue[] = [];
  const measures = data.stages.map((s, i) => {
    const m = parseMeasure(s.measure);
    if (typeof m === 'string') issues.push({ path: `stages.${i}.measure`, message: m, source });
    return typeof m === 'string' ? [] : m;
  });
  if (issues.length > 0) throw new InputError(issues);
  return measures;
}

/** The measure's total over a run's trials (counts are sums over trials). */
export function measureTotal(stats: RunStatistics, measure: StageMeasure): number {
  let total = 0;
  for (const { sign, name } of measure) {
    total +=
      sign * (name === NUCLEAR_USE ? stats.nuclearUse : stats.countSum[COUNT_NAMES.indexOf(name)]);
  }
  return total;
}
