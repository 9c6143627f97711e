import {
  causeOf,
  compileModel,
  DecisionOutcome,
  Flag,
  ORIGIN_NAMES,
  Simulator,
  TraceKind,
  type CompiledModel,
  type DecisionMaker,
  type Recorder,
  type SimulatorLimits,
} from '../engine/index.ts';
import { agentsFor } from '../agents/index.ts';
import { DOMAINS, RUNGS, type Cause, type LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import { causalChain, type RawTraceEvent } from './trace-chain.ts';

/** One event of a traced trial, in plain words and as data. */
export interface TraceEvent {
  /** Minutes since the start of the crisis. */
  readonly minute: number;
  readonly actor: string | null;
  readonly kind: string;
  readonly text: string;
  /** On a change of rung (`rungChange`): the actor's rung before and after. */
  readonly rung?: { readonly from: string; readonly to: string };
}

export interface TraceResult {
  readonly version: string;
  readonly seed: number;
  readonly trial: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly nuclearUse: boolean;
  readonly cause: Cause | null;
  readonly origin: string | null;
  readonly day: number | null;
  /** Whether the crisis went on from the first use to general nuclear war, and on which day. */
  readonly generalWar: boolean;
  readonly generalWarDay: number | null;
  /** Each actor's rung when the crisis begins, and the highest it reached. */
  readonly initialRung: Readonly<Record<string, string>>;
  readonly highestRung: Readonly<Record<string, string>>;
  /** The escalation ladder, lowest rung first (the order of every rung named here). */
  readonly ladder: readonly string[];
  /** The chain to the first nuclear use in a few plain steps (trace-chain.ts); empty without. */
  readonly chain: readonly string[];
  readonly events: readonly TraceEvent[];
}

const KIND_NAMES = Object.fromEntries(Object.entries(TraceKind).map(([k, v]) => [v, k]));
const TRACK_WORDS = [
  'genuine hostile activity',
  'benign but ambiguous activity',
  'a sensor false alarm',
];
const rungName = (r: number) => RUNGS[r].replaceAll('_', ' ');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mins = (x: number) => `${x.toFixed(1)} min`;

/**
 * Replays one trial from (seed, trial index) and tells its causal chain event by event; `limits`
 * cap its events and the events it records (a ModelLimitError beyond them; defaults the engine's).
 */
export function traceTrial(
  loaded: LoadedScenario,
  seed: number,
  trial: number,
  /** Who decides for each actor; default the agents the scenario names. */
  agents?: readonly DecisionMaker[],
  limits: SimulatorLimits = {},
): TraceResult {
  const model = compileModel(loaded.scenario);
  const events: TraceEvent[] = [];
  const raw: RawTraceEvent[] = [];
  const recorder: Recorder = {
    record(minute, kind, actor, x, y, z) {
      raw.push({ minute, kind, actor, x, y, z });
      events.push({
        minute,
        actor: actor >= 0 ? model.actorIds[actor] : null,
        kind: KIND_NAMES[kind],
        text: describe(model, kind, x, y, z),
        ...(kind === TraceKind.rungChange ? { rung: { from: RUNGS[x], to: RUNGS[y] } } : {}),
      });
    },
  };
  const deciders = agents ?? agentsFor(loaded.scenario, model);
  const outcome = new Simulator(model, deciders, null, limits).run(seed, trial, recorder);
  const used = outcome.nuclearUse === 1;
  return {
    version: VERSION,
    seed,
    trial,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    nuclearUse: used,
    cause: used ? causeOf(outcome.origin) : null,
    origin: used ? ORIGIN_NAMES[outcome.origin] : null,
    day: used ? outcome.time / 1440 : null,
    generalWar: outcome.flags[Flag.generalWar] === 1,
    generalWarDay: outcome.flags[Flag.generalWar] === 1 ? outcome.generalWarTime / 1440 : null,
    initialRung: Object.fromEntries(
      model.actorIds.map((id, a) => [id, RUNGS[model.initialRung[a]]]),
    ),
    highestRung: Object.fromEntries(
      model.actorIds.map((id, a) => [id, RUNGS[outcome.highestRung[a]]]),
    ),
    ladder: RUNGS,
    chain: causalChain(raw, model.actorIds),
    events,
  };
}

function describe(model: CompiledModel, kind: number, x: number, y: number, z: number): string {
  switch (kind) {
    case TraceKind.track:
      return `${DOMAINS[x]} track appears (in truth: ${TRACK_WORDS[y]})`;
    case TraceKind.labelBenign:
      return `${y === 1 ? 'AI' : 'legacy chain'} labels the ${DOMAINS[x]} track benign`;
    case TraceKind.labelHostile:
      return `${z === 1 ? 'AI' : 'legacy chain'} labels the ${DOMAINS[x]} track HOSTILE, confidence ${pct(y)}`;
    case TraceKind.belowThreshold:
      return `confidence ${pct(y)} is below the threshold ${pct(z)}: monitored, not acted on`;
    case TraceKind.confirmation:
      return y === 1
        ? 'second phenomenology confirms the threat'
        : 'second phenomenology does not confirm: dropped';
    case TraceKind.decision:
      return describeDecision(x, y, z);
    case TraceKind.rungChange:
      return `moves from ${rungName(x)} to ${rungName(y)}${y > x ? ` (chain began with: ${ORIGIN_NAMES[z]})` : ''}`;
    case TraceKind.perceived:
      return `perceives the other side at ${rungName(x)} and answers: ${['match', 'escalate', 'hold', 'de-escalate'][y]}`;
    case TraceKind.outageStart:
      return `loses its leadership-to-forces link for ${mins(x)}`;
    case TraceKind.outageEnd:
      return 'leadership-to-forces link restored';
    case TraceKind.decapitationMisread:
      return x === 1
        ? 'reads the long outage as decapitation; forces use pre-delegated authority'
        : 'reads the long outage as decapitation; no pre-delegated authority';
    case TraceKind.nuclearUse:
      return `NUCLEAR USE (${rungName(x)}); cause: ${causeOf(y).replaceAll('_', ' ')}, from ${ORIGIN_NAMES[y]}`;
    case TraceKind.responseMoot:
      return `would respond at ${rungName(x)} but is already at ${rungName(y)}`;
    case TraceKind.hotlineClarified:
      return 'a hotline call to the other side exposes the false alarm: dropped';
    case TraceKind.horizon:
      return `crisis horizon reached (${model.horizon / 1440} days)`;
    case TraceKind.unanswered:
      return `the genuine ${DOMAINS[x]} attack meets no response before impact: unanswered`;
    case TraceKind.blocked:
      return x === 1
        ? 'the approval cannot reach the forces: the leadership link is down'
        : 'the veto cannot reach the forces: the leadership link is down, the action proceeds';
    case TraceKind.perceivedDown:
      return `perceives the other side step down to ${rungName(x)}`;
    case TraceKind.attackConfirmation:
      return x === 1
        ? 'the attack-confirmation step confirms an attack'
        : 'the attack-confirmation step confirms nothing: only impact can';
    case TraceKind.strike:
      return y === 1
        ? `would launch its declared disarming strike on ${model.actorIds[x]}, but a nuclear use came first`
        : `LAUNCHES ITS DECLARED DISARMING STRIKE on ${model.actorIds[x]}`;
    case TraceKind.strikeImpact:
      return x === 1
        ? 'the strike lands and cuts the leadership link; a successor command survives'
        : 'the strike lands and cuts the leadership link for good; no successor command';
    case TraceKind.decapitation:
      return x === 1
        ? 'forces cut off by the strike act on pre-delegated authority'
        : 'forces cut off by the strike hold no pre-delegated authority';
    default:
      return `event ${kind}`;
  }
}

function describeDecision(outcome: number, time: number, window: number): string {
  const w = `window ${mins(window)}`;
  switch (outcome) {
    case DecisionOutcome.autonomous:
      return `AI acts autonomously (${w})`;
    case DecisionOutcome.approved:
      return `human approves after ${mins(time)} (${w})`;
    case DecisionOutcome.override:
      return `human overrides the label after ${mins(time)}: false alarm caught (${w})`;
    case DecisionOutcome.veto:
      return `human vetoes the AI's action after ${mins(time)} (${w})`;
    case DecisionOutcome.biasDeferral:
      return `human defers to the AI after ${mins(time)} and approves (automation bias) (${w})`;
    case DecisionOutcome.timeoutAct:
      return `no decision inside the ${w}: doctrine default acts`;
    case DecisionOutcome.timeoutHold:
      return `no decision inside the ${w}: doctrine default holds`;
    case DecisionOutcome.vetoWindowLapsed:
      return `veto window lapses without a veto in time: the action proceeds unless the doctrine default holds (${w})`;
    default:
      return `decision ${outcome}`;
  }
}
