import {
  causeOf,
  COUNT_NAMES,
  ORIGIN_NAMES,
  type CompiledModel,
  type CountName,
  type TrialOutcome,
} from '../engine/index.ts';
import { RUNGS, type Cause, type Rung } from '../scenario/index.ts';

/** One trial's outcome as plain data, detached from the simulator's reused outcome object. */
export interface TrialRecord {
  readonly nuclearUse: boolean;
  /** Minutes to the first use; the horizon if none. */
  readonly minute: number;
  readonly cause: Cause | null;
  readonly origin: string | null;
  /** The actor that used first, or null. */
  readonly user: string | null;
  readonly highestRung: Readonly<Record<string, Rung>>;
  readonly counts: Readonly<Record<CountName, number>>;
}

export function trialRecord(model: CompiledModel, o: TrialOutcome): TrialRecord {
  const used = o.nuclearUse === 1;
  return {
    nuclearUse: used,
    minute: o.time,
    cause: used ? causeOf(o.origin) : null,
    origin: used ? ORIGIN_NAMES[o.origin] : null,
    user: o.user >= 0 ? model.actorIds[o.user] : null,
    highestRung: Object.fromEntries(model.actorIds.map((id, a) => [id, RUNGS[o.highestRung[a]]])),
    counts: Object.fromEntries(COUNT_NAMES.map((n, i) => [n, o.counts[i]])) as Record<
      CountName,
      number
    >,
  };
}
