import { z } from 'zod';
import { AGENT_CHOICES, METHODS } from '../index.ts';

/** A bundled scenario by name, or scenario text: exactly one of the two. */
export const scenarioRefSchema = z
  .strictObject({
    name: z.string().optional(),
    text: z.string().optional(),
  })
  .refine((s) => (s.name === undefined) !== (s.text === undefined), {
    message: 'give either name (a bundled scenario) or text (scenario YAML)',
  });

export type ScenarioRef = z.infer<typeof scenarioRefSchema>;

/** Actor id → agent choice (docs/api.md): `doctrine`, `scripted` or `llm`; at most 100 sides. */
function agentChoicesSchema() {
  return z
    .record(z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'an actor id'), z.enum(AGENT_CHOICES))
    .refine((r) => Object.keys(r).length <= 100, { message: 'at most 100 sides' });
}

/** `POST /api/agents`: who may decide for each side of this scenario on this server. */
export const agentsBodySchema = z.strictObject({ scenario: scenarioRefSchema });

/** `POST /api/validate`. */
export const validateBodySchema = z.strictObject({ text: z.string() });

/** `POST /api/capability`. */
export const capabilityBodySchema = z.strictObject({ scenario: scenarioRefSchema });

/**
 * `POST /api/runs`, with the CLI's bounds (`petrov run` and `petrov compare` flags); the server's
 * own trial limit is checked after, so its message can name the limit.
 */
export const runBodySchema = z.strictObject({
  kind: z.enum(['run', 'compare']),
  scenario: scenarioRefSchema,
  /** Trials (per arm). Default 10,000. */
  runs: z.int().min(1).optional(),
  /** Default 1. */
  seed: z.int().min(0).optional(),
  targetRelError: z.number().gt(0).lt(1).optional(),
  /** Cap with `targetRelError`. Default: the server's trial limit. */
  maxRuns: z.int().min(1).optional(),
  /** A run's safeguards, or a comparison's variants (empty: every one available). */
  safeguards: z.array(z.string().min(1)).max(100).optional(),
  /** Comparison only: also run every chosen safeguard at once. */
  combine: z.boolean().optional(),
  /** Sampling: plain, is (importance sampling) or auto. Default plain (docs/rare-events.md). */
  method: z.enum(METHODS).optional(),
  /**
   * Comparison only: paired what-ifs, each a name and `path=value` changes of the scenario, as
   * `petrov compare --variant NAME --set ...` (at most 10, of 50 changes each). Default none.
   */
  variants: z
    .array(
      z.strictObject({
        name: z.string(),
        sets: z.array(z.string().min(1).max(1000)).max(50),
      }),
    )
    .max(10)
    .optional(),
  /** The run's name in lists (`--label`): one line of 1 to 200 characters. Default none. */
  label: z
    .string()
    .trim()
    .min(1, 'expected 1 to 200 characters on one line')
    .max(200, 'expected 1 to 200 characters on one line')
    .regex(/^\P{Cc}*$/u, 'expected 1 to 200 characters on one line')
    .optional(),
  /** Who decides for each side named (`--agent SIDE=KIND`); default the scenario's own agent. */
  agents: agentChoicesSchema().optional(),
});

export type RunBody = z.infer<typeof runBodySchema>;

/** `GET /api/runs/:id/trace` query. */
export const traceQuerySchema = z.strictObject({
  trial: z
    .string({ error: 'required: the index of the trial to replay' })
    .regex(/^\d{1,15}$/, 'expected a trial index, a whole number from 0')
    .transform(Number),
  /** Comma-separated safeguard specs; absent: the run's own (none for a comparison's baseline). */
  safeguards: z.string().optional(),
});

/** `GET /api/runs` query. */
export const listQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'expected a whole number from 1')
    .transform(Number)
    .optional(),
});

/** `POST /api/game`: the delegation game, with costs the page adjusts (each as `--set` would). */
export const gameBodySchema = z.strictObject({
  scenario: scenarioRefSchema,
  /** Trials of every arm. Default 500 (the page stays quick; the CLI defaults to 2,000). */
  runs: z.int().min(1).max(100_000).optional(),
  /** Default 1. */
  seed: z.int().min(0).optional(),
  /** Resampled payoff matrices (at the baseline and at each parameter set). Default 300. */
  resamples: z.int().min(10).max(5000).optional(),
  /** Parameter sets from the scenario's `uncertainty` block, the game played at each. Default 0 (off: the page stays quick). */
  parameterSets: z.int().min(0).max(200).optional(),
  /** Trials of every arm at each parameter set. Default 100. */
  parameterRuns: z.int().min(1).max(100_000).optional(),
  /** Costs per actor, e.g. `{ north: { generalWar: 20 } }`, over the scenario's `game.weights`. */
  weights: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'an actor id'),
      z.record(z.string().regex(/^[a-zA-Z]{1,40}$/, 'a cost name'), z.number().finite()),
    )
    .optional(),
});
