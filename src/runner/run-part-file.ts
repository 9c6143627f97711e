import { createHash } from 'node:crypto';
import { RunStatistics, type RunStatisticsJson } from '../estimate/index.ts';
import { canonicalJson, issueParts, type LoadedScenario } from '../scenario/index.ts';
import { excerpt, type Issue, type Result } from '../util/index.ts';
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
import { CHUNK_SIZE, shardTrials } from './chunk-schedule.ts';
import { PART_FORMAT, runPartSchema } from './run-part-schema.ts';

export { PART_FORMAT } from './run-part-schema.ts';

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
  /** sha256 of everything above (canonical JSON): an edited part is refused on merge. */
  readonly checksum: string;
}

/** sha256 over the canonical JSON of a part's every field but the checksum. */
export function partChecksum(part: Omit<RunPartFile, 'checksum'> & { checksum?: string }): string {
  const { checksum: _ignored, ...fields } = part;
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export function toPartFile(
  loaded: LoadedScenario,
  part: RunPart,
  options: { seed?: number; runs: number; chunkSize?: number; shard: Shard },
): RunPartFile {
  const fields = {
    format: PART_FORMAT,
    version: VERSION,
    seed: options.seed ?? DEFAULT_SEED,
    runs: options.runs,
    chunkSize: options.chunkSize ?? CHUNK_SIZE,
    shard: options.shard,
    scenario: runIdentity(loaded),
    stats: part.stats.toJSON(),
    examples: part.examples,
  } as const;
  return { ...fields, checksum: partChecksum(fields) };
}

/**
 * A part file's text as a part: JSON, every field as the schema says (runPartSchema), and its
 * checksum right. Issues name the file and the field.
 */
export function parsePart(file: string, text: string): Result<RunPartFile> {
  const fail = (path: string, message: string): Result<RunPartFile> => ({
    ok: false,
    issues: [{ path, message, source: file }],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      '',
      `not valid JSON: ${excerpt(error instanceof Error ? error.message : String(error), 120)}`,
    );
  }
  const parsed = runPartSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).flatMap(issueParts);
    return {
      ok: false,
      issues: issues.map(({ path, message }) => ({ path: path.join('.'), message, source: file })),
    };
  }
  const part: RunPartFile = parsed.data;
  if (partChecksum(part) !== part.checksum) {
    return fail('checksum', 'does not match the part: the file was changed after it was written');
  }
  return { ok: true, value: part };
}

/**
 * Merges shard files into the result of the single run they split: refuses parts of different
 * runs (version, scenario hash, seed, runs, chunking), a missing or repeated shard, and a part
 * whose trials are not those its shard owns. Returns the issues instead when there are any.
 */
export function mergeParts(
  parts: readonly { file: string; part: RunPartFile }[],
  examples = 5,
): Result<RunResult> {
  const issues: Issue[] = [];
  if (parts.length === 0) return { ok: false, issues: [{ path: '', message: 'no parts given' }] };
  const first = parts[0].part;
  const same = (key: string, get: (p: RunPartFile) => unknown) => {
    for (const { file, part } of parts) {
      if (JSON.stringify(get(part)) !== JSON.stringify(get(first))) {
        // The message begins with the field: `seed 9 differs from a.json's 1`.
        issues.push({
          path: '',
          source: file,
          message: `${key} ${excerpt(JSON.stringify(get(part)))} differs from ${parts[0].file}'s ${excerpt(JSON.stringify(get(first)))}`,
        });
      }
    }
  };
  same('version', (p) => p.version);
  same('scenario hash', (p) => p.scenario.hash);
  same('seed', (p) => p.seed);
  same('runs', (p) => p.runs);
  same('chunk size', (p) => p.chunkSize);
  same('shard count', (p) => p.shard.count);
  if (issues.length > 0) return { ok: false, issues };
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const { file, part } of parts) {
    const previous = seen.get(part.shard.index);
    if (previous) {
      issues.push({
        path: 'shard',
        source: file,
        message: `shard ${part.shard.index}/${count} also given in ${previous}`,
      });
    }
    seen.set(part.shard.index, file);
    const owned = shardTrials(first.runs, first.chunkSize, part.shard);
    if (part.stats.trials !== owned) {
      issues.push({
        path: 'stats.trials',
        source: file,
        message: `${part.stats.trials} trials, but shard ${part.shard.index}/${count} of ${first.runs} runs owns ${owned}`,
      });
    }
  }
  // parts.length bounds this loop's output; count itself is at most MAX_SHARDS.
  for (let i = 0; i < count && issues.length < 100; i++) {
    if (!seen.has(i)) issues.push({ path: 'shard', message: `shard ${i}/${count} is missing` });
  }
  if (issues.length > 0) return { ok: false, issues };

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
