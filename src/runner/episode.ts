import {
  RecordingAgent,
  agentsFor,
  type DecisionRecording,
  type RecordedDecision,
  type WaitingAgent,
  type WaitingAnswer,
} from '../agents/index.ts';
import {
  AgentError,
  CHOICE_NAMES,
  compileModel,
  LEGAL_CHOICES,
  POINT_PHRASES,
  Simulator,
  snapshotObservation,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
  type ObservationSnapshot,
  type Recorder,
} from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { trialRecord, type TrialRecord } from './trial-record.ts';

/** A waiting agent's turn came: the trial stops here until it answers. */
class Pause extends Error {
  constructor(
    readonly actor: number,
    readonly observation: ObservationSnapshot,
  ) {
    super('paused for a decision');
  }
}

/** Answers from the decisions a waiting agent already gave, in order, and pauses past them. */
class PrefixAgent implements DecisionMaker {
  readonly statesProbabilities = false;
  readonly answers: WaitingAnswer[] = [];
  private used = 0;

  constructor(readonly name: string) {}

  restart(): void {
    this.used = 0;
  }

  decide(o: Observation, _draws: DecisionDraws, decision: Decision): void {
    const answer = this.answers[this.used] as WaitingAnswer | undefined;
    if (answer === undefined) throw new Pause(o.actor, snapshotObservation(o));
    this.used++;
    decision.choice = CHOICE_NAMES.indexOf(answer.choice);
    decision.minutes = answer.minutes ?? 0;
    decision.deferredToMachine = answer.deferredToMachine ?? false;
    decision.reason = answer.reason ?? '';
  }
}

export interface EpisodeOptions {
  /** Decision-makers that answer at once for the actors no waiting agent plays; default the scenario's. */
  readonly agents?: readonly DecisionMaker[];
  /** Receives the finished trial's events, as `petrov trace` does. */
  readonly recorder?: Recorder;
  /** Called with each answer of a waiting agent, as it arrives. */
  readonly onAnswer?: (
    actorId: string,
    observation: ObservationSnapshot,
    answer: WaitingAnswer,
  ) => void;
}

export interface EpisodeResult {
  readonly outcome: TrialRecord;
  /** Every decision of the trial, both sides', in the order they were asked. */
  readonly recording: DecisionRecording;
  /** Times the trial was run from its start: one more than the waiting agents' answers. */
  readonly runs: number;
}

/**
 * Runs one trial whose sides may be played by agents that must wait (a person, a remote model),
 * awaiting each at its decision points. The trial is a pure function of (seed, trial, decisions),
 * so the driver runs the ordinary synchronous loop from the start with every answer so far, and
 * stops it at the next unanswered question: the result is by construction the trial the
 * synchronous loop gives when handed the same decisions. Replaying costs little beside a
 * person's or a model's time (a trial is microseconds).
 */
export async function runEpisode(
  loaded: LoadedScenario,
  seed: number,
  trial: number,
  waiting: Readonly<Record<string, WaitingAgent>>,
  options: EpisodeOptions = {},
): Promise<EpisodeResult> {
  const model = compileModel(loaded.scenario);
  for (const id of Object.keys(waiting)) {
    if (!model.actorIds.includes(id)) {
      throw new AgentError(`no actor ${id} in the scenario (it has ${model.actorIds.join(', ')})`);
    }
  }
  const base = options.agents ?? agentsFor(loaded.scenario, model);
  const prefix = model.actorIds.map((id) => {
    const agent = waiting[id] as WaitingAgent | undefined;
    return agent === undefined ? null : new PrefixAgent(agent.name);
  });
  const log: RecordedDecision[] = [];
  const agents = model.actorIds.map((id, a) => new RecordingAgent(prefix[a] ?? base[a], id, log));
  const simulator = new Simulator(model, agents);
  for (let runs = 1; ; runs++) {
    log.length = 0;
    for (const p of prefix) p?.restart();
    try {
      const outcome = simulator.run(seed, trial, options.recorder);
      return {
        outcome: trialRecord(model, outcome),
        recording: {
          format: 'petrov-decisions/1',
          scenarioHash: loaded.hash,
          seed,
          trial,
          decisions: [...log],
        },
        runs,
      };
    } catch (error) {
      if (!(error instanceof Pause)) throw error;
      const id = model.actorIds[error.actor];
      const answer = await (waiting[id] as WaitingAgent).decide(error.observation);
      checkAnswer(id, error.observation, answer);
      options.onAnswer?.(id, error.observation, answer);
      (prefix[error.actor] as PrefixAgent).answers.push(answer);
    }
  }
}

/** A waiting agent's answer must be legal where it was asked; nothing is turned into a default. */
function checkAnswer(id: string, o: ObservationSnapshot, answer: WaitingAnswer): void {
  const legal = LEGAL_CHOICES[o.point];
  const choice = CHOICE_NAMES.indexOf(answer.choice);
  const minutes = answer.minutes ?? 0;
  if (!legal.includes(choice) || !(minutes >= 0)) {
    throw new AgentError(
      `${id} answered ${String(answer.choice)} in ${minutes} minutes at ${POINT_PHRASES[o.point]}, which allows ${legal.map((c) => CHOICE_NAMES[c]).join(', ')}`,
    );
  }
}
