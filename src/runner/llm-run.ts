import {
  agentsFor,
  PolicyAgent,
  PolicyElicitor,
  RecordingAgent,
  type FailureReport,
  type RecordedDecision,
} from '../agents/index.ts';
import { compileModel, type SimulatorLimits } from '../engine/index.ts';
import type { MeanEstimate } from '../estimate/index.ts';
import type { ChatClient } from '../llm/index.ts';
import type { LlmConfig, LoadedScenario } from '../scenario/index.ts';
import {
  policyRun,
  type FailureBounds,
  type PolicyEstimate,
  type PolicyRunOptions,
} from './policy-run.ts';
import type { RunResult } from './simulate.ts';
import { traceTrial, type TraceResult } from './trace.ts';

/** What a run with a language-model side reports of it, beside the run itself. */
export interface LlmSideReport {
  readonly actor: string;
  readonly model: string;
  readonly mode: 'policy';
  readonly replicates: number;
  /** Bootstrap draws over the replicates carried into `nuclearUse`'s interval. */
  readonly bootstrap: number;
  /** Distinct situations the trials met, each elicited once. */
  readonly situations: number;
  /** Calls, attempts and failures by outcome, with the failure rate's Wilson interval. */
  readonly calls: FailureReport;
  /** P(use) with the Monte Carlo interval and the one that also carries the elicitation. */
  readonly nuclearUse: PolicyEstimate;
  /** P(use) with every failed replicate imputed as the least and the most escalatory decision. */
  readonly failureBounds: FailureBounds;
  /** Rivera et al.'s escalation score of the side's decisions per day. */
  readonly escalationPerDay: MeanEstimate;
  /** The elicited table the run sampled (situation key → probabilities): what a trace replays. */
  readonly table: Readonly<Record<string, readonly number[]>>;
  /** The model's first stated reason in each situation ('' where every call failed). */
  readonly reasons: Readonly<Record<string, string>>;
}

/** A run whose side `llm.actor` is played by a language model's elicited policy. */
export type LlmRunResult = RunResult & { readonly llm: LlmSideReport };

/**
 * Policy mode as one stored run (the server's `POST /api/runs` with an `llm` side): elicits the
 * side's policy from `client`, runs the Monte Carlo on it and returns the run with the side's
 * report. `clock` times the whole, elicitation included.
 */
export async function llmRun(
  loaded: LoadedScenario,
  actor: string,
  client: ChatClient,
  options: PolicyRunOptions & { readonly clock?: () => number; readonly workers?: number },
): Promise<LlmRunResult> {
  const clock = options.clock ?? (() => performance.now());
  const start = clock();
  const config = loaded.scenario.actors[actor].agent as LlmConfig;
  const elicitor = new PolicyElicitor(config, client);
  const r = await policyRun(loaded, actor, elicitor, config.replicates, {
    ...options,
    safeguards: [],
  });
  const run = r.run as Omit<RunResult, 'timing'>;
  const seconds = (clock() - start) / 1000;
  const reasons: Record<string, string> = {};
  for (const s of elicitor.situations.values()) reasons[s.key] = s.reason;
  return {
    ...run,
    timing: {
      seconds,
      trialsPerSecond: seconds > 0 ? run.runs / seconds : 0,
      workers: options.workers ?? 1,
    },
    llm: {
      actor,
      model: config.model,
      mode: 'policy',
      replicates: config.replicates,
      bootstrap: options.bootstrap ?? 20,
      situations: r.situations,
      calls: r.calls,
      nuclearUse: r.nuclearUse,
      failureBounds: r.failureBounds,
      escalationPerDay: r.escalationPerDay,
      table: elicitor.table(),
      reasons,
    },
  };
}

/**
 * Traces trial `trial` of a run with a language-model side, the side deciding from the table the
 * run sampled, and lists every decision with its stated reason (the model's, for that side).
 */
export function llmTrace(
  loaded: LoadedScenario,
  report: LlmSideReport,
  seed: number,
  trial: number,
  limits: SimulatorLimits = {},
): TraceResult & { readonly decisions: readonly RecordedDecision[] } {
  const model = compileModel(loaded.scenario);
  const agents = agentsFor(loaded.scenario, model);
  const table = Object.fromEntries(Object.entries(report.table).map(([k, p]) => [k, [...p]]));
  const a = model.actorIds.indexOf(report.actor);
  agents[a] = new PolicyAgent(
    { type: 'policy', source: `elicited from ${report.model}`, situations: table },
    report.reasons,
  );
  const decisions: RecordedDecision[] = [];
  const recorded = agents.map(
    (agent, i) => new RecordingAgent(agent, model.actorIds[i], decisions),
  );
  return { ...traceTrial(loaded, seed, trial, recorded, limits), decisions };
}
