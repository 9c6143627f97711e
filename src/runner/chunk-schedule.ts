/** Default trials per chunk: the unit of work, of progress reports and of shard assignment. */
export const CHUNK_SIZE = 10_000;

/**
 * The chunks [start, end) of a run of `planned` trials, in order. With a stopping target the first
 * chunks are small and double (1,000, 1,000, 2,000, 4,000, …) so a small target stops early. The
 * schedule depends on nothing but its arguments, so where a run stops never depends on timing.
 */
export function* chunkSchedule(
  planned: number,
  adaptive: boolean,
  chunkSize = CHUNK_SIZE,
): Generator<[number, number]> {
  let start = 0;
  while (start < planned) {
    const step = adaptive ? Math.min(chunkSize, Math.max(1000, start)) : chunkSize;
    const end = Math.min(planned, start + step);
    yield [start, end];
    start = end;
  }
}

/**
 * Trials a shard owns in a fixed schedule of `runs` trials in chunks of `chunkSize`: those of
 * chunks index, index + count, …, computed without walking the chunks.
 */
export function shardTrials(
  runs: number,
  chunkSize: number,
  shard: { readonly index: number; readonly count: number },
): number {
  const chunks = Math.ceil(runs / chunkSize);
  if (shard.index >= chunks) return 0;
  const owned = Math.floor((chunks - 1 - shard.index) / shard.count) + 1;
  const lastOwned = (chunks - 1) % shard.count === shard.index;
  const lastSize = runs - (chunks - 1) * chunkSize;
  return owned * chunkSize - (lastOwned ? chunkSize - lastSize : 0);
}
