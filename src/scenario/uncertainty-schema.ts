import { z } from 'zod';
import type { DeepReadonly } from '../util/index.ts';

// A distribution says where its numbers come from, like every number in a scenario file.
const cited = {
  source: z
    .string()
    .regex(/^S\d+$/, 'a key into docs/sources.md, like S12')
    .optional()
    .describe('Key into docs/sources.md (`S12`) whose range this is.'),
  assumption: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe('Why this range, when no source gives one.'),
};

const finite = (description: string) => z.number().finite().describe(description);
const positive = (description: string) => z.number().finite().gt(0).describe(description);

const distributions = [
  z.strictObject({
    dist: z.literal('uniform').describe('Uniform between `min` and `max`.'),
    min: finite('Lowest value.'),
    max: finite('Highest value.'),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('loguniform').describe('Uniform in log between `min` and `max` (both > 0).'),
    min: positive('Lowest value (> 0).'),
    max: positive('Highest value.'),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('triangular').describe('Triangular on [`min`, `max`] peaking at `mode`.'),
    min: finite('Lowest value.'),
    mode: finite('Most likely value.'),
    max: finite('Highest value.'),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('normal').describe("Normal, truncated to the field's range."),
    mean: finite('Mean before truncation.'),
    sd: positive('Standard deviation before truncation.'),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('lognormal').describe("Lognormal, truncated to the field's range."),
    median: positive('Median before truncation.'),
    sigma: positive('Standard deviation of the log.'),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('beta').describe('Beta(`alpha`, `beta`) scaled to [`min`, `max`].'),
    alpha: positive('First shape parameter.'),
    beta: positive('Second shape parameter.'),
    min: finite('Value at 0. Default 0.').default(0),
    max: finite('Value at 1. Default 1.').default(1),
    ...cited,
  }),
  z.strictObject({
    dist: z.literal('discrete').describe('One of `values`, with `weights` (default equal).'),
    values: z
      .array(z.union([z.number(), z.string(), z.boolean()]))
      .min(1)
      .max(100)
      .describe('The values the field may take.'),
    weights: z
      .array(z.number().finite().min(0))
      .optional()
      .describe('Relative weight of each value; default equal.'),
    ...cited,
  }),
] as const;

/** The kinds of distribution an uncertain parameter can have. */
export const DISTRIBUTION_KINDS = distributions.map((d) => d.shape.dist.value);

export const distributionSchema = z
  .discriminatedUnion('dist', distributions, {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown distribution (known: ${DISTRIBUTION_KINDS.join(', ')})`
        : undefined,
  })
  .superRefine((d, ctx) => {
    if ((d.source === undefined) === (d.assumption === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give a source or an assumption (one of them)' });
    }
    if ('min' in d && 'max' in d && !(d.min < d.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `bounds reversed: max must exceed min (${d.min})`,
      });
    }
    if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: 'mode must lie between min and max',
      });
    }
    if (d.dist === 'discrete' && d.weights !== undefined) {
      if (d.weights.length !== d.values.length) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: 'one weight per value' });
      } else if (!d.weights.some((w) => w > 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['weights'],
          message: 'some weight must be positive',
        });
      }
    }
  })
  .describe('A distribution of an uncertain parameter.');

export type Distribution = z.output<typeof distributionSchema>;

export const uncertaintySchema = z
  .record(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/,
        'a scenario path, like actors.north.human.automationBias',
      ),
    distributionSchema,
  )
  .default({})
  .describe(
    'Uncertain parameters: a scenario path mapped to the distribution of its value, for `petrov sensitivity` and `petrov uncertainty`; the field keeps its own value everywhere else.',
  );

/** A scenario's declared uncertain parameters: path to distribution. */
export type Uncertainty = DeepReadonly<Record<string, Distribution>>;
