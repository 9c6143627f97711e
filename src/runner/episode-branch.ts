import {
  agentsFor,
  RecordingAgent,
  ReplayScript,
  type DecisionRecording,
  type RecordedDecision,
  type WaitingAnswer,
} from '../agents/index.ts';
import {
  CHOICE_NAMES,
  compileModel,
  MAX_BRANCH_KEY,
  Simulator,
  TraceKind,
  type CompiledModel,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
  type Recorder,
} from '../engine/index.ts';
import {
  estimateProportion,
  pairedEstimate,
  type PairedEstimate,
  type ProportionEstimate,
} from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { trialRecord, type TrialRecord } from './trial-record.ts';

/** One trial played from a recording up to a decision, then differently. */
export interface BranchResult {
  readonly outcome: TrialRecord;
  /** What was decided at the branching decision (the override, or the actor's own agent). */
  readonly decision: RecordedDecision;
  /** Whether the track behind the branching decision was genuine (alerts; null elsewhere). */
  readonly genuine: boolean | null;
}

/** Shared by the actors' branch agents: how many decisions have been asked so far. */
class Cursor {
  asked = 0;
}

/** Replays the recording before decision `at`, answers `override` there, then its own agent. */
class BranchAgent implements DecisionMaker {
  readonly name = 'branch';
  readonly statesProbabilities = false;

  constructor(
    private readonly cursor: Cursor,
    private readonly script: ReplayScript,
    private readonly at: number,
    private readonly override: WaitingAnswer | undefined,
    private readonly own: DecisionMaker,
    private readonly actorId: string,
  ) {}

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    const i = this.cursor.asked++;
    if (i < this.at) {
      const r = this.script.take(this.actorId, o);
      decision.choice = CHOICE_NAMES.indexOf(r.choice);
      decision.minutes = r.minutes;
      decision.deferredToMachine = r.deferredToMachine;
      decision.reason = r.reason;
    } else if (i === this.at && this.override !== undefined) {
      decision.choice = CHOICE_NAMES.indexOf(this.override.choice);
      decision.minutes = this.override.minutes ?? 0;
      decision.deferredToMachine = this.override.deferredToMachine ?? false;
      decision.reason = this.override.reason ?? '';
    } else this.own.decide(o, draws, decision);
  }
}

/** Each actor's tracks (x: domain, y: 0 genuine), to tell after the trial what raised an alert. */
class TrackRecorder implements Recorder {
  readonly tracks: { minute: number; actor: number; domain: number; genuine: boolean }[] = [];

  record(time: number, kind: number, actor: number, x: number, y: number): void {
    if (kind === TraceKind.track)
      this.tracks.push({ minute: time, actor, domain: x, genuine: y === 0 });
  }

  /** Whether the latest track `actor` saw by `minute` was genuine; null if it saw none. */
  genuineAt(actor: number, minute: number): boolean | null {
    let found: boolean | null = null;
    for (const t of this.tracks) if (t.actor === actor && t.minute <= minute) found = t.genuine;
    return found;
  }
}

/**
 * The trial of `recording`, its decisions played back up to decision `at` (0-based, in the order
 * asked), then `override` at that decision — or, without one, the actor's own scenario agent —
 * and every later decision by the scenario's agents. The trial is a pure function of (seed, trial,
 * decisions), so the prefix is the recorded crisis exactly; what follows is the same trial's
 * random numbers under another choice (common random numbers).
 */
export function branchTrial(
  loaded: LoadedScenario,
  recording: DecisionRecording,
  at: number,
  override?: WaitingAnswer,
  /** The scenario compiled, when the caller branches it many times. */
  model: CompiledModel = compileModel(loaded.scenario),
): BranchResult {
  const own = agentsFor(loaded.scenario, model);
  const script = new ReplayScript(recording.decisions);
  const cursor = new Cursor();
  const log: RecordedDecision[] = [];
  const agents = model.actorIds.map(
    (id, a) =>
      new RecordingAgent(new BranchAgent(cursor, script, at, override, own[a], id), id, log),
  );
  const recorder = new TrackRecorder();
  const outcome = new Simulator(model, agents).run(recording.seed, recording.trial, recorder);
  const decision = log[at] as RecordedDecision | undefined;
  if (decision === undefined) {
    throw new RangeError(`the trial asks ${log.length} decisions, none at index ${at}`);
  }
  // Trace events arrive when the trial ends: the alert's track is the actor's latest by then.
  const genuine =
    decision.point === 'alert'
      ? recorder.genuineAt(model.actorIds.indexOf(decision.actor), decision.minute)
      : null;
  return { outcome: trialRecord(model, outcome), decision, genuine };
}

/** The risk from one decision on, under the choice made and under the actor's own agent. */
export interface BranchRisks {
  /** Branches per arm, each a fresh future from that decision (the same ones in both arms). */
  readonly branches: number;
  /** P(nuclear use) from the decision on, the rest played by the scenario's agents. */
  readonly underChoice: ProportionEstimate;
  /** The same with the actor's own agent deciding there too (its draws fresh in each branch). */
  readonly underAgent: ProportionEstimate;
  /** Agent minus choice, paired on common random numbers: positive when the choice cut risk. */
  readonly difference: PairedEstimate['absoluteRiskReduction'];
}

/**
 * The Monte Carlo branched from decision `at` of a recorded trial: `branches` futures, each the
 * recorded past exactly and then fresh random numbers (branch keys 1..branches), played once with
 * `choice` at the decision and once with the actor's own agent there, later decisions by the
 * scenario's agents. Both arms use the same branch keys, so they differ only by the choice
 * (common random numbers) and their difference gets a paired interval.
 */
export function branchRisks(
  loaded: LoadedScenario,
  recording: DecisionRecording,
  at: number,
  choice: WaitingAnswer,
  branches: number,
  model: CompiledModel = compileModel(loaded.scenario),
): BranchRisks {
  if (!(branches >= 1 && branches <= MAX_BRANCH_KEY)) {
    throw new RangeError(`branches ${branches}: expected 1 to ${MAX_BRANCH_KEY}`);
  }
  const arm = (override: WaitingAnswer | undefined) => {
    const own = agentsFor(loaded.scenario, model);
    const script = new ReplayScript(recording.decisions);
    const cursor = new Cursor();
    const agents = model.actorIds.map(
      (id, a) => new BranchAgent(cursor, script, at, override, own[a], id),
    );
    const simulator = new Simulator(model, agents);
    const used = new Uint8Array(branches);
    for (let b = 0; b < branches; b++) {
      // Each branch replays the recorded decisions up to `at` again.
      cursor.asked = 0;
      script.rewind();
      simulator.branch(at, b + 1);
      used[b] = simulator.run(recording.seed, recording.trial).nuclearUse;
    }
    return used;
  };
  const mine = arm(choice);
  const theirs = arm(undefined);
  let both = 0;
  let agentOnly = 0;
  let choiceOnly = 0;
  for (let b = 0; b < branches; b++) {
    if (mine[b] === 1 && theirs[b] === 1) both++;
    else if (theirs[b] === 1) agentOnly++;
    else if (mine[b] === 1) choiceOnly++;
  }
  const paired = pairedEstimate({
    both,
    baselineOnly: agentOnly,
    variantOnly: choiceOnly,
    trials: branches,
  });
  return {
    branches,
    underChoice: estimateProportion(both + choiceOnly, branches),
    underAgent: estimateProportion(both + agentOnly, branches),
    difference: paired.absoluteRiskReduction,
  };
}
