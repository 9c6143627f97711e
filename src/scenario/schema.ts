import { z } from 'zod';
import { ANSWERS, AUTHORITY_MODES, RUNGS, TIMEOUT_DEFAULTS, type Rung } from './vocabulary.ts';
import { agentSchema } from './agent-schema.ts';
import { comms } from './comms-schema.ts';
import { uncertaintySchema } from './uncertainty-schema.ts';
import { gameSchema } from './game-schema.ts';
import { coincidence } from './coincidence-schema.ts';
import { disarmingStrike, strikeProblems } from './strike-schema.ts';

import { ai, confirmation, legacy } from './classifier-schema.ts';
import {
  belowUse,
  minutes,
  multiplier,
  perDomain,
  probability,
  ratePerDay,
  rung,
} from './field-builders.ts';

/** An optional answer per perceived rung (the rest fall to `otherwise`). */
const answersByRung = Object.fromEntries(
  RUNGS.map((r) => [
    r,
    z.enum(ANSWERS).optional().describe(`The answer to a rise perceived at ${r}.`),
  ]),
) as Record<Rung, z.ZodOptional<z.ZodEnum<{ [K in (typeof ANSWERS)[number]]: K }>>>;

/** One value for every rung, or one per rung (7, stable first). */
function perRung(value: z.ZodNumber, fallback: number, description: string) {
  return z
    .union([value, z.array(value).length(RUNGS.length)])
    .default(fallback)
    .describe(description);
}

const trackRates = z
  .strictObject({
    genuine: ratePerDay('Genuine hostile activity seen in this domain, tracks per day.').default(0),
    benign: ratePerDay(
      'Benign but ambiguous activity (tests, exercises, civil traffic, weather), tracks per day.',
    ).default(0),
    falseAlarm: ratePerDay('Sensor false alarms, tracks per day.').default(0),
  })
  .prefault({})
  .describe('Track rates in one domain, per day.');

const authority = z
  .strictObject({
    mode: z
      .enum(AUTHORITY_MODES)
      .default('human_in_the_loop')
      .describe(
        'Who decides on an AI hostile label: a human must approve; a human may veto; or the AI acts.',
      ),
    confidenceThreshold: probability(
      'Hostile labels with confidence below this are monitored, not acted on.',
    ).default(0.5),
    vetoWindowMinutes: minutes(
      'Human-on-the-loop: how long the action waits for a veto, minutes.',
    ).default(2),
    minimumDecisionMinutes: minutes(
      'Doctrine guarantees at least this long to decide, riding out the threat rather than acting sooner (0: the window is time to impact less latencies).',
    ).default(0),
    timeoutDefault: z
      .enum(TIMEOUT_DEFAULTS)
      .default('ride_out')
      .describe(
        'Doctrine when no decision is made in time: act (launch on warning), act only on an attack confirmed by a fallible confirmation step or by its impact (launch under attack), or ride out.',
      ),
    attackConfirmation: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe(
            'Launch under attack waits for a confirmation step (e.g. a second warning system) instead of impact alone.',
          ),
        falsePositive: probability('P(the step "confirms" an attack that is not there).').default(
          0,
        ),
        falseNegative: probability(
          'P(the step misses a real attack; impact confirms it then).',
        ).default(0),
        delayMinutes: minutes(
          'Minutes from the lapse of the window to the confirmation; past impact, impact decides.',
        ).default(0),
      })
      .prefault({})
      .describe(
        'How launch under attack knows an attack is real: without a step, only by its impact (a false alarm has none).',
      ),
  })
  .prefault({})
  .describe('Decision authority (M3).');

const human = z
  .strictObject({
    catchProbability: probability(
      'P(the human rejects a wrong hostile label) with ample time and no automation bias.',
    ).default(0.9),
    automationBias: probability(
      'Share of those catches lost when the label comes from the AI (deference to the machine).',
    ).default(0),
    adequateTimeMinutes: minutes(
      'Window at or above which time pressure does not reduce catching; below it catching scales with window / this.',
    ).default(0),
    confidenceWeight: probability(
      'How much a confident label hides its error: catching scales by (1 − this × reported confidence); 0 (default) ignores confidence.',
    ).default(0),
    decisionTime: z
      .strictObject({
        medianMinutes: minutes('Median human decision time, minutes.').default(3),
        sigma: z
          .number()
          .min(0)
          .max(5)
          .default(0.5)
          .describe('Standard deviation of log decision time; 0 makes it fixed.'),
      })
      .prefault({})
      .describe('Human decision time: lognormal.'),
  })
  .prefault({})
  .describe('The human decision maker (M3).');

const actor = z
  .strictObject({
    label: z.string().max(200).optional().describe('Display name.'),
    initialRung: belowUse
      .default('stable')
      .describe(
        'Rung at the start of the crisis (below nuclear use: the crisis is what may lead there).',
      ),
    sensitivity: multiplier(
      'Posture: multiplier on every track rate this actor observes (alert sensors report more).',
    ).default(1),
    tracks: perDomain(
      () => trackRates,
      'Track arrival rates per day as seen by this actor, per domain, at the stable rung and intensity 1 (M1).',
    ),
    timeToImpactMinutes: perDomain(
      () => minutes('Time to impact in this domain, minutes.').default(30),
      'Time from detection to impact of the perceived threat, per domain, minutes.',
    ),
    latencyMinutes: z
      .strictObject({
        detection: minutes('Detection latency, minutes.').default(0),
        processing: minutes('Processing and reporting latency, minutes.').default(0),
      })
      .prefault({})
      .describe('Latencies subtracted from time-to-impact to give the decision window.'),
    ai,
    legacy,
    confirmation,
    authority,
    human,
    agent: agentSchema,
    responses: perDomain(
      (d) =>
        rung('Rung reached when acting on a hostile track in this domain.').default(
          d === 'ballistic' ? 'nuclear_alert' : 'conventional_incident',
        ),
      'Rung the actor moves to when it acts on a hostile track in each domain (never lowers its rung).',
    ),
    answer: z
      .union([
        z.enum(ANSWERS),
        z.strictObject({
          ...answersByRung,
          otherwise: z
            .enum(ANSWERS)
            .default('match')
            .describe('The answer at every rung not named.'),
        }),
      ])
      .default('match')
      .describe(
        'How the actor answers a perceived rise of the other side (M4): one answer, or one per perceived rung (`otherwise` for the rest).',
      ),
    maxAnswerRung: rung('Highest rung the actor climbs to when answering.').default(
      'general_nuclear_war',
    ),
    perception: z
      .strictObject({
        probability: perRung(
          probability('P(this actor perceives a change of the other side’s rung).'),
          0.8,
          'P(this actor perceives a change of the other side’s rung): one value, or 7 (by the rung it changed to, stable first).',
        ),
        meanDelayMinutes: perRung(
          minutes('Mean (exponential) delay before it perceives it, minutes.'),
          30,
          'Mean (exponential) delay before it perceives a change, minutes: one value, or 7 by the rung changed to.',
        ),
      })
      .prefault({})
      .describe('Perception of the other side’s rung (M4).'),
    comms,
    intent: z
      .strictObject({
        ratePerDay: ratePerDay(
          'Deliberate one-rung escalations per day; 0 models no intent.',
        ).default(0),
        maxRung: rung('Highest rung deliberate escalation reaches.').default('conventional_strike'),
      })
      .prefault({})
      .describe(
        'Deliberate escalation (M7 cause `deliberate`), only where a scenario models intent.',
      ),
    coincidence,
    disarmingStrike,
  })
  .describe('One side of the crisis.');

const rungArray = (description: string, fallback: number[]) =>
  z.array(z.number().min(0).max(1000)).length(RUNGS.length).default(fallback).describe(description);

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(200).describe('Scenario name.'),
    description: z.string().max(10_000).optional().describe('What the scenario represents.'),
    horizonDays: z
      .number()
      .gt(0)
      .max(3660)
      .describe('Length of one crisis (trial), days; a trial also ends at the first nuclear use.'),
    crisesPerYear: z
      .number()
      .gt(0)
      .max(365)
      .optional()
      .describe(
        'How often a crisis like this arises, per year. With it, calibration also reports the risk per year: 1 − exp(−crisesPerYear × P(use per crisis)). Unset: per crisis only.',
      ),
    intensity: multiplier(
      'Crisis intensity: multiplier on genuine and benign track rates.',
    ).default(1),
    ladder: z
      .strictObject({
        trackRateMultiplier: rungArray(
          'Multiplier on track rates by the higher of the two actors’ rungs (7 values, stable first).',
          [1, 1, 1, 1, 1, 1, 1],
        ),
        outageRateMultiplier: rungArray(
          'Multiplier on an actor’s comms outage rate by its own rung (7 values).',
          [1, 1, 1, 1, 1, 1, 1],
        ),
        deescalationRatePerDay: ratePerDay(
          'Rate at which an actor above stable steps down one rung, per day.',
        ).default(0),
        hotline: z
          .strictObject({
            enabled: z.boolean().default(false).describe('A working crisis hotline.'),
            deescalationMultiplier: multiplier(
              'Multiplier on the de-escalation rate when the hotline is enabled.',
            ).default(2),
            clarifyProbability: probability(
              'P(a call to the other side exposes a wrong hostile label before the decision) when there is time for it.',
            ).default(0.5),
            latencyMinutes: minutes(
              'Time to reach the other side; wrong labels with a shorter decision window cannot be clarified.',
            ).default(10),
          })
          .prefault({})
          .describe('Crisis management.'),
      })
      .prefault({})
      .describe('The escalation ladder (M4).'),
    actors: z
      .record(
        z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, 'actor ids are lower-case letters, digits and underscores'),
        actor,
      )
      .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 2, {
        message: 'a scenario has one or two actors',
      })
      .describe('The one or two sides of the crisis, keyed by id.'),
    safeguards: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, 'safeguard names are lower-case words joined by -'),
        z
          .strictObject({
            description: z.string().max(2000).describe('What the safeguard stands for and why.'),
            set: z
              .array(
                z
                  .string()
                  .regex(/^[^=\s]+=/, 'each change is path=value, like --set')
                  .max(1000),
              )
              .min(1)
              .max(200)
              .describe(
                'Changes as `path=value`, like `--set`; `*` in an actor position means every actor the safeguard is aimed at.',
              ),
          })
          .describe('One user-defined safeguard.'),
      )
      .default({})
      .describe(
        'User-defined safeguards (M8): named patches usable with `--safeguard NAME` beside the built-ins.',
      ),
    uncertainty: uncertaintySchema,
    game: gameSchema,
  })
  .superRefine(strikeProblems)
  .describe('A Petrov crisis scenario.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioOutput = z.output<typeof scenarioSchema>;
