import {
  agentsFor,
  decisionSeverity,
  PolicyAgent,
  UnelicitedSituationError,
  type PolicyElicitor,
} from '../agents/index.ts';
import {
  compileModel,
  Simulator,
  type Decision,
  type DecisionDraws,
  type DecisionMaker,
  type Observation,
} from '../engine/index.ts';
import { estimateMean, type MeanEstimate } from '../estimate/index.ts';
import { RUNGS, type LoadedScenario } from '../scenario/index.ts';

/** Trials swept between yields to the event loop. */
const YIELD_EVERY = 1000;

/** What a sweep over a run's trials met: the situations, and the side's escalation score. */
export interface SweepResult {
  /** Decisions of the side per situation key met, over the trials swept. */
  readonly visits: ReadonlyMap<string, number>;
  /** Rivera et al.'s escalation score of the side's decisions, per day of the horizon. */
  readonly escalationPerDay: MeanEstimate;
}

/** Wraps the policy agent: sums the severity of each decision it draws in the current trial. */
class Scored implements DecisionMaker {
  readonly name = 'policy';
  readonly statesProbabilities = true;
  score = 0;
  readonly trialVisits: string[] = [];

  constructor(
    private readonly inner: PolicyAgent,
    private readonly outageRung: number,
    private readonly topRung: number,
  ) {}

  decide(o: Observation, draws: DecisionDraws, decision: Decision): void {
    this.inner.decide(o, draws, decision);
    this.score += decisionSeverity(decision.choice, o, this.outageRung, this.topRung);
    this.trialVisits.push(this.inner.lastKey);
  }
}

/**
 * Runs trials 0…runs−1 of an arm with the side on its policy, eliciting each situation the first
 * time a trial meets it and running that trial again from its start (a trial is a pure function
 * of seed, index and decisions, so only the table grows). Plain Monte Carlo.
 */
export async function sweepPolicy(
  loaded: LoadedScenario,
  actor: string,
  elicitor: PolicyElicitor,
  seed: number,
  runs: number,
  /** Stops the sweep between trials (throws its reason). */
  signal?: AbortSignal,
  /** The table the side samples, rebuilt as it grows; default the elicitor's stated one. */
  tableOf: () => Record<string, number[]> = () => elicitor.table(),
): Promise<SweepResult> {
  const model = compileModel(loaded.scenario);
  const a = model.actorIds.indexOf(actor);
  const policy = new PolicyAgent({ type: 'policy', source: '', situations: tableOf() });
  const outageRung =
    model.predelegated[a] === 1 ? model.predelegationRung[a] : model.rungWithoutPredelegation[a];
  const scored = new Scored(policy, outageRung, Math.min(model.maxAnswerRung[a], RUNGS.length - 1));
  const agents = agentsFor(loaded.scenario, model);
  agents[a] = scored;
  const simulator = new Simulator(model, agents);
  const visits = new Map<string, number>();
  let sum = 0;
  let sumSquares = 0;
  const days = loaded.scenario.horizonDays;
  for (let t = 0; t < runs; t++) {
    // A server runs sweeps on its own thread: let it answer other requests now and then.
    if (t % YIELD_EVERY === YIELD_EVERY - 1) {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
    for (;;) {
      scored.score = 0;
      scored.trialVisits.length = 0;
      try {
        simulator.run(seed, t);
        break;
      } catch (error) {
        if (!(error instanceof UnelicitedSituationError)) throw error;
        await elicitor.elicit(error.situation);
        signal?.throwIfAborted();
        policy.set(error.key, tableOf()[error.key]);
      }
    }
    for (const k of scored.trialVisits) visits.set(k, (visits.get(k) ?? 0) + 1);
    const perDay = scored.score / days;
    sum += perDay;
    sumSquares += perDay * perDay;
  }
  return { visits, escalationPerDay: estimateMean(sum, sumSquares, runs) };
}
