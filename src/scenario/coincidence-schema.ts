import { z } from 'zod';
import { minutes } from './field-builders.ts';

/** Coincident hostile labels (M2), an actor field. */
export const coincidence = z
  .strictObject({
    windowMinutes: minutes(
      'A hostile label within this many minutes of the side’s previous one is coincident; 0: off.',
    ).default(0),
    confidenceBoost: z
      .number()
      .min(0)
      .max(20)
      .default(0)
      .describe(
        'Added to a coincident label’s confidence in log-odds before the threshold (2 turns 50% into 88%).',
      ),
    responseSteps: z
      .number()
      .int()
      .min(0)
      .max(6)
      .default(0)
      .describe('Rungs added to the response to a coincident label (at most general war).'),
  })
  .prefault({})
  .describe(
    'Coincident hostile labels raise the confidence or the response (Wallace, Crissey and Sennott 1986): off by default.',
  );
