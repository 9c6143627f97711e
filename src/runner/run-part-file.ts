import { RunStatistics, type RunStatisticsJson } from '../estimate/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import { VERSION } from '../version.ts';
import {
  DEFAULT_SEED,
  runIdentity,
  summarizeRun,
  type RunIdentity,
  type RunPart,
  type RunResult,
  type Shard,
} from './simulate.ts';
import type { ExampleTrial } from './run-chunk.ts';
import { CHUNK_SIZE } from './chunk-schedule.ts';

export const PART_FORMAT = 'petrov-run-part/1';

/** One shard's sufficient statistics, as written by `petrov run --shard i/N --out FILE`. */
export interface RunPartFile {
  readonly format: typeof PART_FORMAT;
  readonly version: string;
  readonly seed: number;
  /** Trials in the whole run (all shards). */
  readonly runs: number;
  readonly chunkSize: number;
  readonly shard: Shard;
  readonly scenario: RunIdentity;
  readonly stats: RunStatisticsJson;
  readonly examples: readonly ExampleTrial[];
}

export function toPartFile(
  loaded: LoadedScenario,
  part: RunPart,
  options: { seed?: number; runs: number; chunkSize?: number; shard: Shard },
): RunPartFile {
  return {
    format: PART_FORMAT,
    version: VERSION,
    seed: options.seed ?? DEFAULT_SEED,
    runs: options.runs,
    chunkSize: options.chunkSize ?? CHUNK_SIZE,
    shard: options.shard,
    scenario: runIdentity(loaded),
    stats: part.stats.toJSON(),
    examples: part.examples,
  };
}

/**
 * Merges shard files into the result of the single run they split: refuses parts of different
 * runs (version, scenario hash, seed, runs, chunking) and a missing or repeated shard. Returns the
 * problems instead when there are any.
 */
export function mergeParts(
  parts: readonly { file: string; part: RunPartFile }[],
  examples = 5,
): { ok: true; value: RunResult } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (parts.length === 0) return { ok: false, problems: ['no parts given'] };
  const first = parts[0].part;
  const same = (key: string, get: (p: RunPartFile) => unknown) => {
    for (const { file, part } of parts) {
      if (JSON.stringify(get(part)) !== JSON.stringify(get(first))) {
        problems.push(
          `${file}: ${key} ${JSON.stringify(get(part))} differs from ${parts[0].file}'s ${JSON.stringify(get(first))}`,
        );
      }
    }
  };
  for (const { file, part } of parts) {
    if (part.format !== PART_FORMAT)
      problems.push(`${file}: not a Petrov run part (${PART_FORMAT})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  same('version', (p) => p.version);
  same('scenario hash', (p) => p.scenario.hash);
  same('seed', (p) => p.seed);
  same('runs', (p) => p.runs);
  same('chunk size', (p) => p.chunkSize);
  same('shard count', (p) => p.shard.count);
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const { file, part } of parts) {
    const previous = seen.get(part.shard.index);
    if (previous)
      problems.push(`${file}: shard ${part.shard.index}/${count} also given in ${previous}`);
    seen.set(part.shard.index, file);
  }
  for (let i = 0; i < count; i++) {
    if (!seen.has(i)) problems.push(`shard ${i}/${count} is missing`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const stats = RunStatistics.fromJSON(first.stats);
  for (const { part } of parts.slice(1)) stats.merge(RunStatistics.fromJSON(part.stats));
  const allExamples = parts
    .flatMap(({ part }) => part.examples)
    .sort((a, b) => a.trial - b.trial)
    .slice(0, examples);
  const value = summarizeRun(
    first.scenario,
    { seed: first.seed, runs: first.runs },
    { stats, weighted: null, examples: allExamples, stoppedBy: 'runs' },
    0,
  );
  return { ok: true, value };
}
