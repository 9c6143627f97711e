import { z } from 'zod';
import { COUNT_NAMES, FLAG_NAMES, ORIGIN_COUNT } from '../engine/index.ts';
import { CAUSES, RUNGS } from '../scenario/index.ts';

/** The format tag of part files; /2 added the checksum. */
export const PART_FORMAT = 'petrov-run-part/3';
/** Most shards a run may be split into (and never more than its trials). */
export const MAX_SHARDS = 100_000;

const count = z.number().int().nonnegative();
// Sums of counts and of their squares can pass 2^53: whole, but not always safe integers.
const sum = z
  .number()
  .nonnegative()
  .refine((x) => Number.isInteger(x), 'expected a whole number');
const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const statsSchema = z
  .strictObject({
    actorCount: z.number().int().min(1).max(2),
    trials: count,
    nuclearUse: count,
    byOrigin: z.array(count).length(ORIGIN_COUNT),
    byCause: z.array(count).length(CAUSES.length),
    byRootCause: z.array(count).length(CAUSES.length),
    byUser: z.array(count).max(2),
    highestRung: z.array(count).max(2 * RUNGS.length),
    countSum: z.array(sum).length(COUNT_NAMES.length),
    countSumSquares: z.array(sum).length(COUNT_NAMES.length),
    useMsSum: sum,
    useMsSumSquares: z.string().regex(/^\d{1,60}$/, 'expected a whole number as decimal text'),
    flags: z.array(count).length(FLAG_NAMES.length),
    warGapMsSum: sum,
    warGapMsSumSquares: z.string().regex(/^\d{1,60}$/, 'expected a whole number as decimal text'),
  })
  .superRefine((s, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.nuclearUse > s.trials)
      problem('nuclearUse', `${s.nuclearUse} uses in ${s.trials} trials`);
    s.flags.forEach((n, i) => {
      if (n > s.trials) problem('flags', `${FLAG_NAMES[i]}: ${n} in ${s.trials} trials`);
    });
    for (const key of ['byOrigin', 'byCause', 'byRootCause', 'byUser'] as const) {
      if (sumOf(s[key]) !== s.nuclearUse)
        problem(key, `does not add up to nuclearUse (${s.nuclearUse})`);
    }
    if (s.byUser.length !== s.actorCount) problem('byUser', `expected ${s.actorCount} entries`);
    if (s.highestRung.length !== s.actorCount * RUNGS.length) {
      problem('highestRung', `expected ${s.actorCount * RUNGS.length} entries`);
    }
    // Refinements run even when a field failed: bound the loop by the schema's own maximum.
    for (let a = 0; a < Math.min(s.actorCount, 2); a++) {
      const row = s.highestRung.slice(a * RUNGS.length, (a + 1) * RUNGS.length);
      if (sumOf(row) !== s.trials)
        problem('highestRung', `actor ${a}'s rungs do not add up to trials`);
    }
  });

const exampleSchema = z.strictObject({
  trial: count,
  cause: z.enum(CAUSES),
  origin: z.string().max(100),
  actor: z.string().max(100),
  day: z.number().nonnegative(),
});

/** A part file as `petrov merge` accepts it: every field typed, bounded and consistent. */
export const runPartSchema = z
  .strictObject({
    format: z.literal(PART_FORMAT, `expected '${PART_FORMAT}' (a part of this Petrov version)`),
    version: z.string().max(100),
    seed: count,
    runs: z.number().int().min(1).max(1e10),
    chunkSize: z.number().int().min(1).max(1e8),
    shard: z.strictObject({ index: count, count: z.number().int().min(1).max(MAX_SHARDS) }),
    scenario: z.strictObject({
      name: z.string().max(200),
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
      horizonDays: z.number().positive(),
      actors: z.array(z.string().max(100)).min(1).max(2),
    }),
    stats: statsSchema,
    examples: z.array(exampleSchema).max(1000),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
  })
  .superRefine((p, ctx) => {
    if (p.shard.index >= p.shard.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['shard', 'index'],
        message: `must be below shard.count (${p.shard.count})`,
      });
    }
    if (p.shard.count > p.runs) {
      ctx.addIssue({
        code: 'custom',
        path: ['shard', 'count'],
        message: `more shards than runs (${p.runs})`,
      });
    }
    if (p.stats.actorCount !== p.scenario.actors.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['stats', 'actorCount'],
        message: 'differs from scenario.actors',
      });
    }
    if (p.examples.length > p.stats.nuclearUse) {
      ctx.addIssue({
        code: 'custom',
        path: ['examples'],
        message: 'more examples than trials with use',
      });
    }
  });
