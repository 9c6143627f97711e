/** The HTTP API's shapes (docs/api.md). Result documents are the CLI's `--json`, typed by src. */
import type {
  ActorCapability,
  AgentChoice,
  ComparisonResult,
  GameResult,
  Incident,
  Issue,
  LlmRunResult,
  LlmSideReport,
  ProportionEstimate,
  RatioTornadoResult,
  RunResult,
  SensitivityTornado,
  SobolResult,
  TornadoResult,
  TraceResult,
  UncertaintyResult,
  VariantResult,
} from '../../../src/index.ts';
import type { ProgressEvent } from '../../../src/server/index.ts';

// The store's rows and the server's progress events, as the API serves them (types only).
export type {
  Headline,
  RunDetail,
  RunSummaryRow,
  StoredOptions,
} from '../../../src/store/index.ts';

export type { Incident };

/** A comparison's `--json` document, with how it sampled. */
export type CompareResult = ComparisonResult;

export type { ActorCapability, Issue, ProportionEstimate, RunResult, TraceResult, VariantResult };
export type { AgentChoice, LlmRunResult, LlmSideReport };

/** `POST /api/agents`: who may decide for each side here, and this server's model (if any). */
export interface AgentsInfo {
  readonly model: { readonly name: string; readonly maxCalls: number } | null;
  /** Each actor's agent type as the scenario declares it. */
  readonly declared: Readonly<Record<string, string>>;
  readonly choices: Readonly<Record<string, readonly AgentChoice[]>>;
}

/** One decision of a traced trial with a language-model side, with its stated reason. */
export interface TracedDecision {
  readonly point: string;
  readonly actor: string;
  readonly minute: number;
  readonly choice: string;
  readonly reason: string;
}
export type { RatioTornadoResult, SobolResult, TornadoResult, UncertaintyResult };

export type RunKind = 'run' | 'compare';
export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

/** A bundled scenario by name, or scenario text. */
export type ScenarioRef = { readonly name: string } | { readonly text: string };

export interface ScenarioListing {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

export interface SafeguardListing {
  readonly name: string;
  readonly description: string;
}

export interface ValidationOk {
  readonly ok: true;
  readonly hash: string;
  readonly name: string;
  readonly actors: readonly string[];
  readonly safeguards: readonly SafeguardListing[];
  /** The declared uncertain parameters a study would vary. */
  readonly uncertain: readonly string[];
}

/** Every 4xx/5xx body. */
export interface ApiErrorBody {
  readonly error: string;
  readonly issues?: readonly Issue[];
}

export interface StartRunRequest {
  readonly kind: RunKind;
  readonly scenario: ScenarioRef;
  readonly runs?: number;
  readonly seed?: number;
  readonly targetRelError?: number;
  readonly maxRuns?: number;
  readonly safeguards?: readonly string[];
  readonly combine?: boolean;
  /** plain (default), is (importance sampling) or auto. */
  readonly method?: SamplingMethod;
  /** The run's name in lists. Default none. */
  readonly label?: string;
  /** Comparison only: paired what-ifs, each a name and its `path=value` changes. */
  readonly variants?: readonly { readonly name: string; readonly sets: readonly string[] }[];
  /** Who decides for each side named; default the scenario's own agent. */
  readonly agents?: Readonly<Record<string, AgentChoice>>;
}

export type SamplingMethod = 'plain' | 'is' | 'auto';

/** One `event: progress` of a run's stream (for a comparison, of its baseline). */
export type ProgressSample = ProgressEvent;

export interface CapabilityResponse {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly actors: readonly ActorCapability[];
}

/** `POST /api/studies/sensitivity` (docs/api.md). */
export interface SensitivityRequest {
  readonly scenario: ScenarioRef;
  readonly runs?: number;
  readonly seed?: number;
  readonly sobol?: boolean;
  readonly basePoints?: number;
  readonly repetitions?: number;
  /** A safeguard whose risk ratio is studied instead of P(nuclear use). */
  readonly ratio?: string;
}

export interface SensitivityResponse {
  /** Of P(nuclear use), or (with `ratio`) a `RatioTornadoResult`, which names its safeguard. */
  readonly tornado: SensitivityTornado;
  readonly sobol: SobolResult | null;
}

/** `POST /api/studies/uncertainty`. */
export interface UncertaintyRequest {
  readonly scenario: ScenarioRef;
  readonly parameterSets?: number;
  readonly repetitions?: number;
  readonly seed?: number;
  readonly safeguards?: readonly string[];
}
/** `POST /api/game`: the delegation game with costs adjusted per actor. */
export interface GameRequest {
  readonly scenario: ScenarioRef;
  readonly runs?: number;
  readonly resamples?: number;
  readonly weights?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Parameter sets of the scenario's `uncertainty` block (default 0: off). */
  readonly parameterSets?: number;
  readonly parameterRuns?: number;
}

export type { GameResult };
