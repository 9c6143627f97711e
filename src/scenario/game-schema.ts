import { z } from 'zod';
import { probability } from './field-builders.ts';

/** The delegation game's declaration (issue 17): strategies, weights, deterrence, an agreement. */

const actorId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'actor ids are lower-case letters, digits and underscores');
const strategyName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'strategy names are lower-case words joined by -')
  .max(60);

// Costs are in one unit the user picks (e.g. "one general war = 100"); bounded so a typo stays visible.
const cost = (description: string, fallback: number) =>
  z.number().finite().min(0).max(1e6).default(fallback).describe(description);

export const gameWeightsSchema = z
  .strictObject({
    accidentalUse: cost(
      'Cost of a nuclear use by any cause but deliberate escalation, per unit of probability.',
      1,
    ),
    generalWar: cost('Cost of general nuclear war, per unit of probability.', 10),
    unansweredAttack: cost(
      'Cost of a genuine attack that met no response before impact, per unit of probability.',
      1,
    ),
    disarmingStrike: cost(
      'Cost of suffering the other side’s disarming strike, per unit of probability (needs `game.deterrence`).',
      5,
    ),
    retaliationAfterStrike: cost(
      'Cost of the exchange when this side answers a disarming strike, per unit of probability of strike and answer (needs `game.deterrence`).',
      0,
    ),
  })
  .prefault({})
  .describe(
    'One side’s costs (assumption: relative values, stated by the user); payoff = −Σ cost × P.',
  );

const strategySchema = z
  .strictObject({
    description: z.string().max(2000).optional().describe('What the strategy stands for.'),
    set: z
      .array(
        z
          .string()
          .regex(/^[^=\s]+=/, 'each change is path=value, like --set')
          .max(1000),
      )
      .max(200)
      .describe(
        'Changes as `path=value`, like a safeguard’s; `*` in an actor position means the player; empty keeps the scenario as it is.',
      ),
  })
  .describe('One strategy: a named set of patches.');

const strikeMapSchema = z
  .strictObject({
    shape: z
      .enum(['linear', 'logistic'])
      .default('linear')
      .describe(
        'How P(strike) falls from `atNoCredibility` to `atFullCredibility` as credibility c goes 0 → 1: a straight line, or a logistic curve through both ends (linear in the log-odds).',
      ),
    atNoCredibility: probability(
      'P(the other side strikes in a crisis) when this side surely cannot answer (c = 0).',
    ).default(0.1),
    atFullCredibility: probability(
      'P(the other side strikes in a crisis) when this side surely answers (c = 1).',
    ).default(0),
  })
  .prefault({})
  .describe(
    'Deterrence: the other side’s chance of a disarming strike as a function of credibility.',
  );

export const gameSchema = z
  .strictObject({
    strategies: z
      .record(
        actorId,
        z.record(strategyName, strategySchema).describe('One player’s strategies, keyed by name.'),
      )
      .default({})
      .describe(
        'Each player’s strategies, keyed by actor id then name; a player with none gets the delegation modes × pre-delegation on/off.',
      ),
    weights: z
      .record(actorId, gameWeightsSchema)
      .default({})
      .describe('Each player’s costs, keyed by actor id; a player not named gets the defaults.'),
    deterrence: z
      .strictObject({
        strikeDay: z
          .number()
          .gt(0)
          .max(3660)
          .default(1)
          .describe(
            'Day of the declared strike in the variants that measure credibility (within the horizon).',
          ),
        strike: strikeMapSchema,
      })
      .optional()
      .describe(
        'Credibility of each side’s retaliation, P(answered | struck), measured on a variant of every profile where the other side strikes on `strikeDay`, and the strike probability it buys. Absent: no strike term.',
      ),
    agreement: z
      .record(actorId, strategyName.describe('The restraint strategy of this player.'))
      .optional()
      .describe(
        'The mutual restraint an agreement would verify: one strategy per player. Default: each player’s `in-loop` strategy (human in the loop, no pre-delegation).',
      ),
  })
  .optional()
  .describe('The delegation game (`petrov game`): docs/delegation-game.md.');

export type GameWeights = z.output<typeof gameWeightsSchema>;
export type GameInput = z.input<typeof gameSchema>;
