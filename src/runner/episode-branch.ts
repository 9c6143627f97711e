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
  Simulator,
  TraceKind,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
  type Recorder,
} from '../engine/index.ts';
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

/**
 * Remembers each actor's latest track (x: domain, y: 0 genuine) and, when decision `at` is
 * recorded at an alert, whether the track that raised it was genuine.
 */
class TruthRecorder implements Recorder {
  private readonly last = new Map<number, boolean>();
  genuine: boolean | null = null;

  constructor(
    private readonly log: readonly RecordedDecision[],
    private readonly at: number,
  ) {}

  record(_time: number, kind: number, actor: number, _x: number, y: number): void {
    if (kind === TraceKind.track) this.last.set(actor, y === 0);
    // The decision event follows the track that raised its alert.
    const asked = this.log[this.at] as RecordedDecision | undefined;
    if (kind === TraceKind.decision && this.log.length === this.at + 1 && this.genuine === null) {
      if (asked?.point === 'alert') this.genuine = this.last.get(actor) ?? null;
    }
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
): BranchResult {
  const model = compileModel(loaded.scenario);
  const own = agentsFor(loaded.scenario, model);
  const script = new ReplayScript(recording.decisions);
  const cursor = new Cursor();
  const log: RecordedDecision[] = [];
  const agents = model.actorIds.map(
    (id, a) =>
      new RecordingAgent(new BranchAgent(cursor, script, at, override, own[a], id), id, log),
  );
  const recorder = new TruthRecorder(log, at);
  const outcome = new Simulator(model, agents).run(recording.seed, recording.trial, recorder);
  const decision = log[at] as RecordedDecision | undefined;
  if (decision === undefined) {
    throw new RangeError(`the trial asks ${log.length} decisions, none at index ${at}`);
  }
  return { outcome: trialRecord(model, outcome), decision, genuine: recorder.genuine };
}
