import { z } from 'zod';
import { DOMAINS } from './vocabulary.ts';
import { minutes, perDomain, probability } from './field-builders.ts';
import { trainingSchema } from './training-schema.ts';

/** Classification of tracks (M2): the AI classifier, the legacy chain, and a second phenomenology. */
const confidence = z
  .strictObject({
    correct: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.9)
      .describe('Median confidence the classifier reports on a correct hostile label.'),
    wrong: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.7)
      .describe(
        'Median confidence it reports on a wrong hostile label; over-confidence (a calibration gap) pushes it toward `correct`.',
      ),
    spread: z
      .number()
      .min(0)
      .max(10)
      .default(1)
      .describe('Standard deviation of reported confidence on the logit scale; 0 makes it fixed.'),
  })
  .prefault({})
  .describe('Reported confidence of hostile labels: logit-normal around a median.');

const classifierShape = (who: string, fp: number, fn: number) => ({
  falsePositive: perDomain(
    () => probability('P(labelled hostile | benign track or false alarm).').default(fp),
    `${who}: probability of labelling a benign track or false alarm hostile, per domain.`,
  ),
  falseNegative: perDomain(
    () => probability('P(labelled benign | genuine hostile track).').default(fn),
    `${who}: probability of labelling a genuine hostile track benign, per domain.`,
  ),
  confidence,
});

export const ai = z
  .strictObject({
    domains: z
      .array(z.enum(DOMAINS))
      .default([])
      .describe('Domains the AI classifies; other domains use the legacy chain. Empty: no AI.'),
    ...classifierShape('AI classifier', 0.05, 0.05),
    training: trainingSchema.optional(),
  })
  .prefault({})
  .describe('The AI classifier (M2) and the domains it covers.');

export const legacy = z
  .strictObject(classifierShape('Legacy chain (analysts and older systems)', 0.02, 0.1))
  .prefault({})
  .describe('The legacy classification chain (M2) used where the AI does not cover a domain.');

export const confirmation = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe('Require a second phenomenology to confirm a hostile label.'),
    domains: z
      .array(z.enum(DOMAINS))
      .default(['ballistic'])
      .describe('Domains where confirmation applies.'),
    falsePositive: probability(
      'P(second sensor confirms | track not hostile), independent part.',
    ).default(0.05),
    falseNegative: probability(
      'P(second sensor fails to confirm | genuine hostile track).',
    ).default(0.05),
    commonCause: probability(
      'Common-cause correlation: P(second sensor repeats the first one’s error regardless).',
    ).default(0.1),
    latencyMinutes: minutes('Time the confirmation takes, minutes.').default(1),
  })
  .prefault({})
  .describe('Optional confirmation by a second phenomenology (M2), e.g. radar plus infrared.');
