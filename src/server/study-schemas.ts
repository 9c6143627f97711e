import { z } from 'zod';
import { BASE_POINT_RANGE, STUDY_OUTCOMES } from '../index.ts';
import { scenarioRefSchema } from './request-schemas.ts';

/** `POST /api/studies/sensitivity`, with the bounds of `petrov sensitivity`'s flags. */
export const sensitivityBodySchema = z.strictObject({
  scenario: scenarioRefSchema,
  /** Trials per arm of the tornado (the baseline and each end). Default 4,000. */
  runs: z.int().min(1).optional(),
  /** Default 1. */
  seed: z.int().min(0).optional(),
  /** The outcome followed. Default nuclearUse. */
  outcome: z.enum(STUDY_OUTCOMES as [string, ...string[]]).optional(),
  /** Also Sobol indices. Default false. */
  sobol: z.boolean().optional(),
  /** Sobol: parameter sets per design matrix, 10 to 10⁶. Default 200. */
  basePoints: z.int().min(BASE_POINT_RANGE[0]).max(BASE_POINT_RANGE[1]).optional(),
  /** Sobol: trials per parameter set. Default 100. */
  repetitions: z.int().min(2).optional(),
  /**
   * A safeguard (`name` or `name:actor`): study its risk ratio P(outcome | safeguard) / P(outcome)
   * instead of P(outcome); every arm then runs twice. Default none.
   */
  ratio: z.string().min(1).max(200).optional(),
});

/** `POST /api/studies/uncertainty`, with the bounds of `petrov uncertainty`'s flags. */
export const uncertaintyBodySchema = z.strictObject({
  scenario: scenarioRefSchema,
  /** Parameter sets drawn. Default 100. */
  parameterSets: z.int().min(2).optional(),
  /** Trials per parameter set. Default 500. */
  repetitions: z.int().min(1).optional(),
  seed: z.int().min(0).optional(),
  /** Safeguards weighed at every parameter set. Default none. */
  safeguards: z.array(z.string().min(1)).max(20).optional(),
});

export type SensitivityBody = z.infer<typeof sensitivityBodySchema>;
export type UncertaintyBody = z.infer<typeof uncertaintyBodySchema>;
