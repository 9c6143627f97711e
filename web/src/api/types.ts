/** The HTTP API's shapes (docs/api.md). Result documents are the CLI's `--json`, typed by src. */
import type {
  ActorCapability,
  ComparisonResult,
  Issue,
  ProportionEstimate,
  RunResult,
  TraceResult,
  VariantResult,
} from '../../../src/index.ts';

/** A comparison's `--json` document, with how it sampled. */
export type CompareResult = ComparisonResult;

export type { ActorCapability, Issue, ProportionEstimate, RunResult, TraceResult, VariantResult };

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
}

/** Every 4xx/5xx body. */
export interface ApiErrorBody {
  readonly error: string;
  readonly issues?: readonly Issue[];
}

export interface Headline {
  readonly p: number;
  readonly low: number;
  readonly high: number;
}

export interface RunSummaryRow {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  /** The scenario's own `name` field. */
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly seed: number;
  /** Trials run (per arm for a comparison); null until the run ends. */
  readonly runs: number | null;
  readonly version: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly headline: Headline | null;
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
}

export type SamplingMethod = 'plain' | 'is' | 'auto';

/** How a run was asked for (src/store's StoredOptions). */
export interface StoredOptions {
  /** A file path, `bundled:NAME` or `text`. */
  readonly source: string;
  readonly sets: readonly string[];
  /** A run's safeguards; a comparison's variants. */
  readonly safeguards: readonly string[];
  /** Trials asked for; null when a target chose them. */
  readonly runs: number | null;
  readonly targetRelError: number | null;
  readonly maxRuns: number | null;
  readonly combine?: boolean;
}

export interface RunDetail extends RunSummaryRow {
  readonly options: StoredOptions;
  readonly scenarioText: string;
  readonly result: RunResult | CompareResult | null;
  readonly error: string | null;
}

/** One `event: progress` of a run's stream (for a comparison, of its baseline). */
export interface ProgressSample {
  readonly done: number;
  readonly planned: number;
  readonly nuclearUse: number;
  readonly p: number;
  readonly low: number;
  readonly high: number;
  readonly relErr: number | null;
}

export interface CapabilityResponse {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly actors: readonly ActorCapability[];
}
