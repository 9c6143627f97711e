import {
  estimateProportion,
  summarize,
  type ProportionEstimate,
  type RunStatistics,
} from '../estimate/index.ts';
import { CAUSES, type Cause, type LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import type { ChunkPath } from './pathways-chunk.ts';

export interface PathwaysOptions {
  /** Trials to run. Default 10,000. */
  readonly runs?: number;
  /** Base seed. Default 1. */
  readonly seed?: number;
  /** How many of the most frequent pathways to report. Default 10. */
  readonly top?: number;
  /** Worker threads. Default 1; results are identical for any number. */
  readonly workers?: number;
  /** Called after every chunk of trials. */
  readonly onProgress?: (done: number, planned: number) => void;
}

export interface Pathway {
  /** The mechanisms on the chain, in order, joined by →. */
  readonly path: string;
  readonly cause: Cause;
  readonly uses: number;
  /** Share of all nuclear use that took this path (Wilson interval over the uses). */
  readonly share: ProportionEstimate;
  /** P(nuclear use by this path) per crisis. */
  readonly probability: ProportionEstimate;
  /** First trial that took it: `petrov trace FILE --seed S --trial I` shows it. */
  readonly exampleTrial: number;
}

export interface PathwaysResult {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly nuclearUse: ProportionEstimate;
  /** The other side of the dilemma: P(a genuine attack went unanswered) per crisis. */
  readonly unansweredAttack: ProportionEstimate | null;
  /** Share of the risk by cause, over the uses. */
  readonly shareByCause: Readonly<Record<Cause, ProportionEstimate>>;
  readonly distinctPaths: number;
  /** The most frequent paths, largest first; `other` collects paths beyond the memory cap. */
  readonly pathways: readonly Pathway[];
}

/** Distinct paths kept; rarer new paths beyond it are counted as `other`, so memory stays bounded. */
const MAX_DISTINCT = 5000;
const OTHER = '(other paths beyond the distinct-path cap)';

/**
 * The paths of a run, merged chunk by chunk in trial order. A path is admitted when first seen
 * while fewer than MAX_DISTINCT are kept, else all its uses count as `other`: the same decision
 * trial-by-trial counting would make, so the tally never depends on the chunking.
 */
export class PathTally {
  readonly paths = new Map<string, { uses: number; trial: number; cause: Cause }>();

  add(chunk: readonly ChunkPath[]): void {
    for (const { path, uses, trial, cause } of chunk) {
      const key = this.paths.has(path) || this.paths.size < MAX_DISTINCT ? path : OTHER;
      const entry = this.paths.get(key);
      if (entry) entry.uses += uses;
      else this.paths.set(key, { uses, trial, cause });
    }
  }
}

/** Share of risk by cause and by the sequence of mechanisms that led to use, from merged chunks. */
export function summarizePathways(
  loaded: LoadedScenario,
  seed: number,
  stats: RunStatistics,
  tally: PathTally,
  top = 10,
): PathwaysResult {
  const uses = stats.nuclearUse;
  const runs = stats.trials;
  const summary = summarize(stats, Object.keys(loaded.scenario.actors));
  const ranked = [...tally.paths.entries()].sort(
    (a, b) => b[1].uses - a[1].uses || a[1].trial - b[1].trial,
  );
  return {
    version: VERSION,
    seed,
    runs,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    nuclearUse: summary.nuclearUse,
    unansweredAttack: summary.unansweredAttack,
    shareByCause: Object.fromEntries(
      CAUSES.map((c, i) => [c, estimateProportion(stats.byCause[i], uses)]),
    ) as Record<Cause, ProportionEstimate>,
    distinctPaths: tally.paths.size,
    pathways: ranked.slice(0, top).map(([path, e]) => ({
      path,
      cause: e.cause,
      uses: e.uses,
      share: estimateProportion(e.uses, uses),
      probability: estimateProportion(e.uses, runs),
      exampleTrial: e.trial,
    })),
  };
}
