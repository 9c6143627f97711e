import type { ComparisonResult, LlmRunResult, RunResult } from '../runner/index.ts';

export type RunKind = 'run' | 'compare';
/** `interrupted` is never written: it is how a `running` row reads once its process is gone. */
export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';
/** What a stored run ends with: the `--json` document of `petrov run` or `petrov compare`. */
export type StoredResult = RunResult | LlmRunResult | ComparisonResult;

/** P(nuclear use) of a run, or of a comparison's baseline, with its Wilson 95% interval. */
export interface Headline {
  readonly p: number;
  readonly low: number;
  readonly high: number;
}

/** How a run was asked for, enough to replay any of its trials. */
export interface StoredOptions {
  /** The user's name for the run (`--label`), to tell runs of one scenario apart. Default none. */
  readonly label?: string;
  /**
   * Who started it on a shared server: `facilitator`, or a player's seat (`seat:EXERCISE:ACTOR`)
   * under their name. Only the owner or the facilitator may cancel or delete it. Default none.
   */
  readonly owner?: { readonly id: string; readonly name: string };
  /** Where the scenario text came from: a file path, `bundled:NAME` or `text`. */
  readonly source: string;
  /** `--set path=value` overrides applied to the text. */
  readonly sets: readonly string[];
  /** A run's safeguards; a comparison's variants (each alone). */
  readonly safeguards: readonly string[];
  /** Trials asked for; null when a target chose them. */
  readonly runs: number | null;
  readonly targetRelError: number | null;
  readonly maxRuns: number | null;
  /** Comparison only: what-ifs compared as variants, each with its own `--set` overrides. */
  readonly variants?: readonly { readonly name: string; readonly sets: readonly string[] }[];
  /** Comparison only: one more variant with every safeguard at once. */
  readonly combine?: boolean;
  readonly workers?: number;
  readonly chunkSize?: number;
  readonly examples?: number;
  /** Sampling method asked for: plain, is or auto (the result says which was used). */
  readonly method?: string;
}

/** What is known before simulating: everything but the outcome. Validated by the caller first. */
export interface NewRun {
  readonly kind: RunKind;
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly scenarioText: string;
  readonly options: StoredOptions;
  readonly seed: number;
  readonly version: string;
}

/** How a run ended. */
export type RunEnd =
  | { readonly status: 'done' | 'cancelled'; readonly result: StoredResult }
  | { readonly status: 'failed'; readonly error: string };

/** One line of `petrov runs list` and of `GET /api/runs`. */
export interface RunSummaryRow {
  /** A decimal row id, e.g. `"12"`. */
  readonly id: string;
  /** `--label`, or null. */
  readonly label: string | null;
  /** The name of who started it on a server (`options.owner`), or null. */
  readonly owner: string | null;
  /** A run's safeguards; a comparison's safeguard variants. */
  readonly safeguards: readonly string[];
  /** `--set` overrides (of the baseline, for a comparison). */
  readonly sets: readonly string[];
  /** A comparison's what-if variants, `NAME: path=value ...` each. */
  readonly whatIfs: readonly string[];
  readonly kind: RunKind;
  readonly status: RunStatus;
  /** The scenario's `name` field. */
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly seed: number;
  /** Trials run (per arm for a comparison); null until the run ends. */
  readonly runs: number | null;
  readonly version: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly headline: Headline | null;
}

/** Everything stored about one run. */
export interface RunDetail extends RunSummaryRow {
  readonly options: StoredOptions;
  readonly scenarioText: string;
  readonly result: StoredResult | null;
  readonly error: string | null;
}

/** The headline of a result: the run's P(nuclear use), or the comparison's baseline's. */
export function headlineOf(result: StoredResult): Headline {
  const estimate = 'outcomes' in result ? result.outcomes.nuclearUse : result.baseline.nuclearUse;
  return { p: estimate.p, low: estimate.ci95[0], high: estimate.ci95[1] };
}
