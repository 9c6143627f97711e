import {
  branchRisks,
  branchTrial,
  compileModel,
  type BranchRisks,
  type DecisionRecording,
  type LoadedScenario,
  type TrialRecord,
} from '../../index.ts';
import type { PlayedAnswer } from './played-answer.ts';

/** How the crisis ends from a decision on: whether anyone used nuclear weapons, when, how high. */
export interface BranchOutcome {
  readonly nuclearUse: boolean;
  readonly minute: number;
  readonly highestRung: Readonly<Record<string, string>>;
}

/** One decision of the crisis as the debrief shows it. */
export interface DebriefDecision {
  /** Its place among the trial's decisions, from 0. */
  readonly index: number;
  readonly actor: string;
  /** The player's name; null for a side an agent played. */
  readonly player: string | null;
  readonly point: string;
  readonly minute: number;
  readonly choice: string;
  readonly late: boolean;
  /** Real seconds taken and allowed (a person's decision); null for an agent. */
  readonly seconds: number | null;
  readonly limitSeconds: number | null;
  readonly windowMinutes: number | null;
  /** After the fact: whether the track behind an alert was genuine (null elsewhere). */
  readonly genuine: boolean | null;
  /** A person's decision: what the side's scenario agent chose at that moment of this trial. */
  readonly doctrine: string | null;
  /**
   * A person's decision: the rest of the crisis played by the scenario's agents, under the
   * player's choice and under the agent's, on the same trial's random numbers.
   */
  readonly underChoice: BranchOutcome | null;
  readonly underDoctrine: BranchOutcome | null;
  /**
   * A person's decision: P(nuclear use) from that moment on under the player's choice and under
   * the doctrine agent's, by the Monte Carlo branched from the event on common random numbers,
   * with 95% intervals and the paired difference; null without branches.
   */
  readonly risk: BranchRisks | null;
}

export interface Debrief {
  /** The crisis as played. */
  readonly outcome: BranchOutcome;
  /** The same trial with every decision by the scenario's agents (the model's own play). */
  readonly agents: BranchOutcome;
  readonly decisions: readonly DebriefDecision[];
}

const brief = (o: TrialRecord): BranchOutcome => ({
  nuclearUse: o.nuclearUse,
  minute: o.minute,
  highestRung: o.highestRung,
});

/** Lets other work of the server (players' updates) run between two decisions' branches. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The debrief of a played exercise, computed from its recording alone (and the players' timing),
 * so a replay of the recording gives the same numbers. `branches` futures per arm are run from
 * each person's decision (0: none).
 */
export async function debriefOf(
  loaded: LoadedScenario,
  recording: DecisionRecording,
  outcome: TrialRecord,
  answers: readonly PlayedAnswer[],
  people: ReadonlySet<string>,
  branches: number,
): Promise<Debrief> {
  const model = compileModel(loaded.scenario);
  let asked = 0;
  const decisions: DebriefDecision[] = [];
  for (const [index, d] of recording.decisions.entries()) {
    const person = people.has(d.actor);
    const answer = person ? answers[asked++] : undefined;
    const played = {
      choice: d.choice,
      minutes: d.minutes,
      deferredToMachine: d.deferredToMachine,
      reason: d.reason,
    };
    const mine = branchTrial(loaded, recording, index, played, model);
    const theirs = person ? branchTrial(loaded, recording, index, undefined, model) : undefined;
    const risk =
      person && branches > 0
        ? branchRisks(loaded, recording, index, played, branches, model)
        : null;
    if (risk !== null) await yieldToOthers();
    decisions.push({
      index,
      actor: d.actor,
      player: answer?.player ?? null,
      point: d.point,
      minute: d.minute,
      choice: d.choice,
      late: answer?.late ?? false,
      seconds: answer?.seconds ?? null,
      limitSeconds: answer?.limitSeconds ?? null,
      windowMinutes: answer?.windowMinutes ?? null,
      genuine: mine.genuine,
      doctrine: theirs?.decision.choice ?? null,
      underChoice: person ? brief(mine.outcome) : null,
      underDoctrine: theirs === undefined ? null : brief(theirs.outcome),
      risk,
    });
  }
  const agents =
    decisions.length === 0 ? outcome : branchTrial(loaded, recording, 0, undefined, model).outcome;
  return { outcome: brief(outcome), agents: brief(agents), decisions };
}
