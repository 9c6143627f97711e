import { z } from 'zod';

/** How much of the world a count was seen over: calendar years, or trials (crises) of the scenario. */
const exposure = z
  .union([
    z.strictObject({
      years: z
        .number()
        .gt(0)
        .max(1e6)
        .describe(
          'Calendar years observed, counted as years × 365.25 / horizonDays trials: for scenarios whose trial is a stretch of routine time.',
        ),
    }),
    z.strictObject({
      trials: z.number().gt(0).max(1e9).describe('Crises (trials of the scenario) observed.'),
    }),
  ])
  .describe('What the count was observed over: `{ years: N }` or `{ trials: N }`.');

const stage = z.strictObject({
  stage: z.string().min(1).max(200).describe('What was counted, in words.'),
  measure: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'The simulated count it is compared with: a per-trial count name, `nuclearUse`, or a sum and difference of them (`tracks - hostileLabels`).',
    ),
  observed: z.number().int().min(0).max(1e12).describe('How many were observed (0 is data).'),
  exposure,
  source: z
    .string()
    .min(1)
    .max(500)
    .describe('Where the count comes from (a key of docs/sources.md).'),
});

/** Observed counts per stage with their exposure: the data `petrov calibrate` weighs a scenario against. */
export const observedSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(4000).optional(),
  stages: z.array(stage).min(1).max(50),
});

export type ObservedData = z.infer<typeof observedSchema>;
export type ObservedStage = ObservedData['stages'][number];

/** Days in a calendar year, to turn an exposure in years into trials of a scenario's horizon. */
export const DAYS_PER_YEAR = 365.25;

/** The exposure of a stage in trials of a scenario whose trial lasts `horizonDays`. */
export function exposureTrials(stage: ObservedStage, horizonDays: number): number {
  return 'years' in stage.exposure
    ? (stage.exposure.years * DAYS_PER_YEAR) / horizonDays
    : stage.exposure.trials;
}
