import { causeOf, compileModel, Simulator } from '../engine/index.ts';
import {
  estimateProportion,
  RunStatistics,
  summarize,
  type ProportionEstimate,
} from '../estimate/index.ts';
import { CAUSES, type Cause, type LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import { pathwaySignature, RawRecorder } from './pathway-signature.ts';

export interface PathwaysOptions {
  /** Trials to run. Default 10,000. */
  readonly runs?: number;
  /** Base seed. Default 1. */
  readonly seed?: number;
  /** How many of the most frequent pathways to report. Default 10. */
  readonly top?: number;
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
 * Share of risk by cause and by the sequence of mechanisms that led to use. Trials that end in use
 * are replayed from (seed, trial) with a recorder, so the fast pass allocates nothing.
 */
export async function pathways(
  loaded: LoadedScenario,
  options: PathwaysOptions = {},
): Promise<PathwaysResult> {
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 10_000;
  const model = compileModel(loaded.scenario);
  const fast = new Simulator(model);
  const replay = new Simulator(model);
  const stats = new RunStatistics(model.actorCount);
  const paths = new Map<string, { uses: number; trial: number; cause: Cause }>();

  for (let done = 0; done < runs;) {
    const end = Math.min(runs, done + 10_000);
    for (let trial = done; trial < end; trial++) {
      const outcome = fast.run(seed, trial);
      stats.add(outcome);
      if (outcome.nuclearUse !== 1) continue;
      const recorder = new RawRecorder();
      replay.run(seed, trial, recorder);
      let path = pathwaySignature(recorder.events, model.actorIds);
      if (!paths.has(path) && paths.size >= MAX_DISTINCT) path = OTHER;
      const entry = paths.get(path);
      if (entry) entry.uses++;
      else paths.set(path, { uses: 1, trial, cause: causeOf(outcome.origin) });
    }
    done = end;
    options.onProgress?.(done, runs);
    await new Promise((resolve) => setImmediate(resolve));
  }

  const uses = stats.nuclearUse;
  const ranked = [...paths.entries()].sort(
    (a, b) => b[1].uses - a[1].uses || a[1].trial - b[1].trial,
  );
  return {
    version: VERSION,
    seed,
    runs,
    scenario: { name: loaded.scenario.name, hash: loaded.hash },
    nuclearUse: summarize(stats, model.actorIds).nuclearUse,
    shareByCause: Object.fromEntries(
      CAUSES.map((c, i) => [c, estimateProportion(stats.byCause[i], uses)]),
    ) as Record<Cause, ProportionEstimate>,
    distinctPaths: paths.size,
    pathways: ranked.slice(0, options.top ?? 10).map(([path, e]) => ({
      path,
      cause: e.cause,
      uses: e.uses,
      share: estimateProportion(e.uses, uses),
      probability: estimateProportion(e.uses, runs),
      exampleTrial: e.trial,
    })),
  };
}
