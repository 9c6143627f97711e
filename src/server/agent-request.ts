import {
  agentChoiceSets,
  CappedChatClient,
  llmRun,
  type AgentChoice,
  type Issue,
  type LoadedScenario,
  type Method,
} from '../index.ts';
import { ApiError } from './api-error.ts';
import type { RunWork } from './run-manager.ts';
import { loadText, type ScenarioFromRequest } from './scenario-ref.ts';
import type { ServerLlm } from './server-llm.ts';

/** What of the server's run engine a language-model side needs (its RunEngine fits). */
export interface LlmEngine {
  /** The model runs may call; none: such runs are refused. */
  readonly llm?: ServerLlm;
  /** Milliseconds clock for the result's timing. */
  readonly clock?: () => number;
}

/** Why a run cannot have a language-model side on a server started without one. */
export const NO_SERVER_MODEL =
  'this server has no language model: whoever starts it chooses one (petrov serve --llm-url URL --llm-model NAME)';

/** A request's scenario with its agent choices applied, as `path=value` sets the store keeps. */
export interface ChosenAgents extends ScenarioFromRequest {
  /** `actors.<id>.agent=...` changes: the run's `sets`, so a trace rebuilds the same scenario. */
  readonly sets: readonly string[];
  /** The side a language model plays, or null. */
  readonly llmSide: string | null;
}

/**
 * Applies `agents` (the run request's per-side choice) through the one patcher, and puts the
 * server's own model into every language-model side, whatever the text says. Refuses (422, naming
 * the field) a choice the scenario cannot take, an `llm` side on a server without a model, or
 * more than one such side.
 */
export function withAgentChoices(
  from: ScenarioFromRequest,
  agents: Readonly<Record<string, AgentChoice>> | undefined,
  engine: LlmEngine,
): ChosenAgents {
  const r = agentChoiceSets(
    from.loaded.scenario,
    agents ?? {},
    engine.llm?.model,
    'agents',
    NO_SERVER_MODEL,
  );
  if (!r.ok) throw new ApiError(422, 'invalid agents', r.issues);
  const { sets, llmSides } = r.value;
  if (llmSides.length > 1) {
    throw new ApiError(422, 'invalid agents', [
      {
        path: 'agents',
        message: `one side at a time may be a language model here, not ${llmSides.join(' and ')}`,
      },
    ]);
  }
  const loaded = sets.length > 0 ? loadText(from.text, sets) : from.loaded;
  return { ...from, loaded, sets, llmSide: llmSides[0] ?? null };
}

/** What a run with a language-model side needs beyond any run's. */
export interface LlmRunPlan {
  readonly actor: string;
  readonly runs: number;
  readonly seed: number;
  readonly method: Method;
  readonly chunkSize: number;
  readonly maxEvents: number;
}

/**
 * The work of a run with a language-model side: policy mode (docs/llm-agents.md) with the
 * server's model behind a cap on calls. Refuses (422) what policy mode on a server does not do.
 */
export function llmWork(
  loaded: LoadedScenario,
  kind: 'run' | 'compare',
  targetRelError: number | undefined,
  plan: LlmRunPlan,
  engine: LlmEngine,
): RunWork {
  const issues: Issue[] = [];
  if (kind !== 'run') {
    issues.push({
      path: 'kind',
      message: `a comparison with a language-model side (${plan.actor}) is not served: run each arm, or use petrov agents policy --safeguard`,
    });
  }
  if (targetRelError !== undefined) {
    issues.push({
      path: 'targetRelError',
      message: 'a run with a language-model side takes a fixed number of trials: use runs',
    });
  }
  if (issues.length > 0) throw new ApiError(422, 'invalid request', issues);
  const llm = engine.llm;
  if (llm === undefined) throw new Error('llmWork needs the server’s model');
  const cap = `at most ${llm.maxCalls.toLocaleString('en-US')} per request on this server (petrov serve --max-llm-calls)`;
  return (signal, onProgress) =>
    cancelledSaysSo(
      signal,
      llmRun(loaded, plan.actor, new CappedChatClient(llm.client(), llm.maxCalls, cap), {
        runs: plan.runs,
        seed: plan.seed,
        method: plan.method,
        clock: engine.clock,
        onProgress,
        // On this thread, in ~50 ms slices between which the server answers: a situation the
        // table lacks must reach the elicitor as itself, which a worker thread's error does not.
        engine: {
          signal,
          chunkSize: plan.chunkSize,
          maxEvents: plan.maxEvents,
        },
      }),
    );
}

/** A cancel while the model is being asked ends the run with no result, and says so. */
async function cancelledSaysSo<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!signal.aborted) throw error;
    throw new Error(
      'cancelled while the model was being asked: no result (the calls made are lost unless --llm-record keeps them)',
    );
  }
}
