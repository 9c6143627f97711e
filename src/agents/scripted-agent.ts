import {
  DecisionPoint,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../engine/index.ts';
import { DOMAINS, RUNGS, type ScriptedConfig } from '../scenario/index.ts';

/** One compiled row: its band (NaN bounds and -1 flags match anything) and its probabilities. */
interface Row {
  readonly ownRung: readonly [number, number];
  readonly perceivedRung: readonly [number, number];
  readonly confidence: readonly [number, number];
  readonly windowMinutes: readonly [number, number];
  /** Bit d set: domain d matches. */
  readonly domains: number;
  /** 1 true, 0 false, -1 either. */
  readonly byAi: number;
  readonly confirmed: number;
  readonly linkUp: number;
  readonly probabilities: Float64Array;
  readonly minutes: number;
}

type When = NonNullable<NonNullable<ScriptedConfig['alert']>[number]['when']>;
const ANY: readonly [number, number] = [-Infinity, Infinity];
const flag = (b: boolean | undefined) => (b === undefined ? -1 : b ? 1 : 0);
const rungs = (r: readonly (typeof RUNGS)[number][] | undefined): readonly [number, number] =>
  r === undefined ? ANY : [RUNGS.indexOf(r[0]), RUNGS.indexOf(r[1])];
const band = (b: readonly number[] | undefined): readonly [number, number] =>
  b === undefined ? ANY : [b[0], b[1]];

function compileRow(
  when: When | undefined,
  probabilities: readonly number[],
  minutes: number,
): Row {
  const w = when ?? {};
  return {
    ownRung: rungs(w.ownRung),
    perceivedRung: rungs(w.perceivedRung),
    confidence: band(w.confidence),
    windowMinutes: band(w.windowMinutes),
    domains: (w.domains ?? DOMAINS).reduce<number>(
      (bits, d) => bits | (1 << DOMAINS.indexOf(d)),
      0,
    ),
    byAi: flag(w.byAi),
    confirmed: flag(w.confirmed),
    linkUp: flag(w.linkUp),
    probabilities: Float64Array.from(probabilities),
    minutes,
  };
}

const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
const matchesFlag = (f: number, b: boolean) => f < 0 || (f === 1) === b;

/** Whether the observation falls in the row's band (alert-only fields are checked at alerts). */
function matches(r: Row, o: Observation): boolean {
  if (!within(o.ownRung, r.ownRung) || !within(o.perceivedRung, r.perceivedRung)) return false;
  if (!matchesFlag(r.linkUp, o.linkUp)) return false;
  if (o.point !== DecisionPoint.alert) return true;
  return (
    within(o.confidence, r.confidence) &&
    within(o.windowMinutes, r.windowMinutes) &&
    (r.domains & (1 << o.domain)) !== 0 &&
    matchesFlag(r.byAi, o.byAi) &&
    matchesFlag(r.confirmed, o.confirmed === 1)
  );
}

/**
 * A doctrine stated as tables, without code: at each decision point the first row whose
 * situation band matches gives the probability of each legal decision (and, at alerts, the
 * minutes the decision takes); a point without a table, or a situation no row matches, is left to
 * the fallback (the doctrine agent). Every choice is drawn with its stated probability.
 */
export class ScriptedAgent implements DecisionMaker {
  readonly name = 'scripted';
  readonly statesProbabilities: boolean;
  readonly readsRecentEvents: boolean;
  private readonly tables: readonly (readonly Row[])[];

  constructor(
    config: ScriptedConfig,
    private readonly fallback: DecisionMaker,
  ) {
    this.statesProbabilities = fallback.statesProbabilities;
    // The table reads situation bands only; the recent events matter only to the fallback.
    this.readsRecentEvents = fallback.readsRecentEvents !== false;
    this.tables = [
      (config.alert ?? []).map((r) => compileRow(r.when, [r.approve, r.veto, r.defer], r.minutes)),
      (config.rise ?? []).map((r) =>
        compileRow(r.when, [r.match, r.escalate, r.hold, r.deescalate], 0),
      ),
      (config.outage ?? []).map((r) => compileRow(r.when, [r.act, r.hold], 0)),
    ];
  }

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    const rows = this.tables[o.point];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!matches(row, o)) continue;
      decision.choice = draws.pick(row.probabilities);
      decision.minutes = row.minutes;
      decision.reason = ROW_REASONS[Math.min(i, ROW_REASONS.length - 1)];
      return;
    }
    this.fallback.decide(o, draws, decision);
  }
}

// Reasons are fixed strings so deciding allocates nothing.
const ROW_REASONS = Array.from({ length: 100 }, (_, i) => `scripted table, row ${i + 1}`);
