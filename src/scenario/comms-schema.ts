import { z } from 'zod';
import { belowUse, minutes, multiplier, probability, ratePerDay, rung } from './field-builders.ts';

/** Communications, outages and decapitation misread (M5). */
export const comms = z
  .strictObject({
    outageRatePerDay: ratePerDay(
      'Leadership-to-forces link outages per day at the stable rung.',
    ).default(0),
    jammingMultiplier: multiplier(
      'Multiplier on the outage rate from jamming and cyber attack.',
    ).default(1),
    outageDuration: z
      .strictObject({
        medianMinutes: minutes('Median outage duration, minutes.').default(10),
        sigma: z.number().min(0).max(5).default(1).describe('Standard deviation of log duration.'),
      })
      .prefault({})
      .describe('Outage duration: lognormal.'),
    decapitation: z
      .strictObject({
        thresholdMinutes: minutes(
          'An outage longer than this may be read as decapitation, minutes.',
        ).default(30),
        minRung: rung('Misreads happen only at or above this rung.').default('nuclear_alert'),
        misreadProbability: probability(
          'P(a long outage at or above minRung is read as decapitation).',
        ).default(0),
      })
      .prefault({})
      .describe('Decapitation misread (M5).'),
    predelegation: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe('Forces hold pre-delegated authority to act when leadership seems lost.'),
        rung: rung(
          'Rung the forces move to on a decapitation misread with pre-delegation.',
        ).default('limited_nuclear_use'),
      })
      .prefault({})
      .describe('Pre-delegated launch authority under comms loss (M5).'),
    survivingCommand: probability(
      'P(a successor authority survives a disarming strike that cuts the leadership link, and can still order forces and answer).',
    ).default(0),
    rungWithoutPredelegation: belowUse
      .default('nuclear_alert')
      .describe(
        'Rung the actor moves to on a decapitation misread without pre-delegation (below use: nobody holds the authority).',
      ),
  })
  .prefault({})
  .describe('Communications, outages and decapitation misread (M5).');
