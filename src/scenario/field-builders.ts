import { z } from 'zod';
import { DOMAINS, NUCLEAR_USE_RUNG, RUNGS, type Domain, type Rung } from './vocabulary.ts';

/** Field builders the scenario schema's parts share: each a bounded, described zod type. */
// Bounds keep a typo (a rate of 1e9 per day) from turning into a hung run.
export const MAX_RATE_PER_DAY = 10_000;
export const MAX_MINUTES = 1_000_000;

export const probability = (description: string) => z.number().min(0).max(1).describe(description);
export const ratePerDay = (description: string) =>
  z.number().min(0).max(MAX_RATE_PER_DAY).describe(description);
export const minutes = (description: string) =>
  z.number().min(0).max(MAX_MINUTES).describe(description);
export const multiplier = (description: string) =>
  z.number().min(0).max(1000).describe(description);
export const rung = (description: string) => z.enum(RUNGS).describe(description);
/** Rungs short of nuclear use. */
export const belowUse = z.enum(RUNGS.slice(0, NUCLEAR_USE_RUNG) as [Rung, ...Rung[]]);

/** An object with one field per domain, each defaulting to `fallback`. */
export function perDomain<T extends z.ZodType>(field: (d: Domain) => T, description: string) {
  const shape = Object.fromEntries(DOMAINS.map((d) => [d, field(d)])) as Record<Domain, T>;
  // Every field has a default, so an absent group resolves to all defaults.
  return z
    .strictObject(shape)
    .prefault({} as never)
    .describe(description);
}
