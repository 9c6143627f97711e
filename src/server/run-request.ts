import {
  availableSafeguards,
  CHUNK_SIZE,
  checkEventBound,
  compare,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  simulate,
  loadScenarioText,
  VERSION,
  whatIfVariants,
  type Issue,
  type Variant,
  type WorkerPool,
} from '../index.ts';
import type { NewRun } from '../store/index.ts';
import { llmWork, withAgentChoices } from './agent-request.ts';
import { ApiError } from './api-error.ts';
import type { Limits } from './limits.ts';
import type { RunBody } from './request-schemas.ts';
import type { RunWork } from './run-manager.ts';
import { loadScenarioRef, withSafeguards } from './scenario-ref.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import type { ServerLlm } from './server-llm.ts';

/** How the server runs simulations. */
export interface RunEngine {
  /** Worker threads per run. */
  readonly workers: number;
  /** Milliseconds clock for a result's timing (never its numbers). Default `performance.now`. */
  readonly clock?: () => number;
  /** Worker threads kept across runs; default none (each run starts its own). */
  readonly pool?: WorkerPool;
  /** The language model a run may put in a side's chair; default none (such runs are refused). */
  readonly llm?: ServerLlm;
}

/** A request turned into what the store records and the work to run; nothing has started yet. */
export interface PreparedRun {
  readonly record: NewRun;
  readonly work: RunWork;
  /** Trials between progress events: about 20 per run, or every chunk with a target. */
  readonly progressStep: number;
}

/** Progress events per run with a fixed number of trials, for a convergence chart (docs/api.md). */
const PROGRESS_EVENTS = 20;
/** Arm-trials per chunk: a chunk is the unit of cancelling, so it should take about a second. */
const CHUNK_ARM_TRIALS = 5_000;
const MIN_CHUNK = 100;

/**
 * Validates a `POST /api/runs` body past its schema (the CLI's flag rules, the server's trial
 * limit, the scenario, the safeguards) and prepares the run. Throws a 4xx on any problem, so bad
 * input never reaches the store.
 */
export function prepareRun(
  body: RunBody,
  library: ScenarioLibrary,
  limits: Limits,
  engine: RunEngine,
): PreparedRun {
  const { workers } = engine;
  checkTrials(body, limits);
  const chosen = withAgentChoices(loadScenarioRef(body.scenario, library), body.agents, engine);
  const { loaded, text, source } = chosen;
  // A scenario whose trials would each take too long is refused here (422), not queued.
  checkEventBound(loaded, limits.eventsPerTrial);
  const target = body.targetRelError;
  const runs = body.runs ?? DEFAULT_RUNS;
  const maxRuns = body.maxRuns ?? limits.trialsPerRequest;
  const seed = body.seed ?? DEFAULT_SEED;
  const whatIfs = body.variants ?? [];
  // A comparison with no safeguards named compares them all, unless it compares what-ifs.
  const names =
    body.kind === 'run'
      ? (body.safeguards ?? [])
      : (body.safeguards && body.safeguards.length > 0) || whatIfs.length > 0
        ? [...new Set(body.safeguards ?? [])]
        : availableSafeguards(loaded.scenario).map((s) => s.name);
  const whatIfArms = whatIfVariantsOf(text, whatIfs, names);
  const arms =
    body.kind === 'run' ? 1 : names.length + whatIfArms.length + (body.combine === true ? 2 : 1);
  // With a target the chunk schedule decides where the run stops: keep the CLI's, so a request
  // gives the CLI's numbers. Without one, results never depend on the chunk size: keep chunks
  // short, so a cancel takes effect soon.
  const chunkSize =
    target !== undefined
      ? CHUNK_SIZE
      : Math.max(
          MIN_CHUNK,
          Math.min(
            CHUNK_SIZE,
            Math.ceil(runs / PROGRESS_EVENTS),
            Math.floor(CHUNK_ARM_TRIALS / arms),
          ),
        );
  const progressStep = target !== undefined ? 0 : runs / PROGRESS_EVENTS;
  // Chunks run on a worker thread, never this one: the server keeps answering while it simulates.
  const common = {
    runs,
    seed,
    targetRelError: target,
    maxRuns,
    workers,
    chunkSize,
    offThread: true,
    maxEvents: limits.eventsPerTrial,
    pool: engine.pool,
    clock: engine.clock,
    method: body.method ?? 'plain',
  };
  const record: NewRun = {
    kind: body.kind,
    scenarioName: loaded.scenario.name,
    scenarioHash: loaded.hash,
    scenarioText: text,
    options: {
      source,
      sets: chosen.sets,
      safeguards: names,
      ...(body.kind === 'compare'
        ? {
            combine: body.combine === true && names.length > 1,
            variants: whatIfs.map((w) => ({ name: w.name, sets: [...w.sets] })),
          }
        : {}),
      runs: target === undefined ? runs : null,
      targetRelError: target ?? null,
      maxRuns: target === undefined ? null : maxRuns,
      workers,
      chunkSize,
      method: body.method ?? 'plain',
    },
    seed,
    version: VERSION,
  };
  if (chosen.llmSide !== null) {
    const { method } = common;
    const plan = {
      actor: chosen.llmSide,
      runs,
      seed,
      method,
      chunkSize,
      maxEvents: common.maxEvents,
    };
    // A comparison is refused by llmWork: its safeguards are not applied here.
    const safeguarded = body.kind === 'run' ? withSafeguards(loaded, names) : loaded;
    return {
      record: { ...record, scenarioHash: safeguarded.hash },
      work: llmWork(safeguarded, body.kind, target, plan, engine),
      progressStep,
    };
  }
  if (body.kind === 'run') {
    const safeguarded = withSafeguards(loaded, names);
    return {
      record: { ...record, scenarioHash: safeguarded.hash },
      work: (signal, onProgress) => simulate(safeguarded, { ...common, signal, onProgress }),
      progressStep,
    };
  }
  const variants: Variant[] = names.map((name) => ({
    name,
    safeguards: [name],
    loaded: withSafeguards(loaded, [name]),
  }));
  variants.push(...whatIfArms);
  if (body.combine === true && names.length > 1) {
    variants.push({ name: 'combined', safeguards: names, loaded: withSafeguards(loaded, names) });
  }
  return {
    record,
    progressStep,
    work: (signal, onProgress) =>
      compare(loaded, variants, {
        ...common,
        signal,
        onProgress: (_done, _planned, baseline) => onProgress(baseline),
      }),
  };
}

/**
 * A comparison's what-ifs through the one `--set` patcher, as `compare --variant` loads them; any
 * problem is a 422 naming the variant (`variants.0 (trusting)`) and the field.
 */
function whatIfVariantsOf(
  text: string,
  whatIfs: NonNullable<RunBody['variants']>,
  safeguards: readonly string[],
): Variant[] {
  if (whatIfs.length === 0) return [];
  const result = whatIfVariants(
    (sets) => loadScenarioText(text, { source: 'scenario', sets }),
    [],
    whatIfs,
    safeguards,
    (w, i) => `variants.${i} (${w.name})`,
  );
  if (result.ok) return result.value;
  // The API drops an issue's command-line source: keep the variant in the path instead.
  const issues = result.issues.map((i) => {
    const variant = /^variants\.\d+ \([^)]*\)/.exec(i.source ?? '')?.[0];
    return variant === undefined ? i : { ...i, path: `${variant}: ${i.path}` };
  });
  throw new ApiError(422, 'invalid variants', issues);
}

/** The CLI's rules for --runs, --target-rel-error and --max-runs, and this server's trial limit. */
function checkTrials(body: RunBody, limits: Limits): void {
  const issues: Issue[] = [];
  const limit = limits.trialsPerRequest;
  const over = (n: number | undefined) => n !== undefined && n > limit;
  const tooMany = `at most ${limit.toLocaleString('en-US')} trials per request on this server`;
  if (body.targetRelError !== undefined && body.runs !== undefined)
    issues.push({
      path: 'runs',
      message: 'conflicts with targetRelError; cap the run with maxRuns',
    });
  if (body.targetRelError === undefined && body.maxRuns !== undefined)
    issues.push({ path: 'maxRuns', message: 'only applies with targetRelError; use runs' });
  if (over(body.runs)) issues.push({ path: 'runs', message: tooMany });
  if (over(body.maxRuns)) issues.push({ path: 'maxRuns', message: tooMany });
  if (body.kind === 'run' && body.combine !== undefined)
    issues.push({ path: 'combine', message: 'only applies to kind "compare"' });
  if (body.kind === 'run' && body.variants !== undefined)
    issues.push({ path: 'variants', message: 'only applies to kind "compare"' });
  if (issues.length > 0) throw new ApiError(422, 'invalid request', issues);
}
