import type { z } from 'zod';
import { computeCapability, type Capability } from '../capability/index.ts';
import type { ScenarioOutput } from './schema.ts';
import type { DeepReadonly } from '../util/index.ts';
import type { TrainingOutput } from './training-schema.ts';
import { DOMAINS, type Domain } from './vocabulary.ts';

/** A reported confidence must stay below 1 (the schema's bound on `confidence.wrong`). */
export const MAX_WRONG_CONFIDENCE = 0.99;

/** M6 for one AI's training block, with the scenario's domains as keys. */
export function trainingCapability(training: DeepReadonly<TrainingOutput>): Capability<Domain> {
  return computeCapability<Domain>({
    hardware: { ...training.accelerators, ...training.power },
    days: training.days,
    utilisation: training.utilisation,
    data: training.data,
    falsePositiveShare: training.falsePositiveShare,
    law: training.law,
  });
}

/**
 * The median confidence on wrong labels the engine sees: the calibrated value plus the largest
 * over-confidence among the domains the AI covers (all four if it covers none). The engine holds
 * one confidence per classifier, so the worst covered domain stands for all of them.
 */
export function wrongConfidence(
  training: DeepReadonly<TrainingOutput>,
  capability: Capability<Domain>,
  covered: readonly Domain[],
): number {
  const domains = covered.length > 0 ? covered : DOMAINS;
  const gap = Math.max(...domains.map((d) => capability.domains[d].calibrationGap));
  return Math.min(MAX_WRONG_CONFIDENCE, training.calibratedWrongConfidence + gap);
}

/** Fills every trained AI's falsePositive, falseNegative and confidence.wrong from M6. */
export function applyTraining(scenario: ScenarioOutput): ScenarioOutput {
  const actors = Object.fromEntries(
    Object.entries(scenario.actors).map(([id, actor]) => {
      const training = actor.ai.training;
      if (training === undefined) return [id, actor];
      const c = trainingCapability(training);
      const rates = (pick: (d: Domain) => number) =>
        Object.fromEntries(DOMAINS.map((d) => [d, pick(d)])) as Record<Domain, number>;
      const ai = {
        ...actor.ai,
        falsePositive: rates((d) => c.domains[d].falsePositive),
        falseNegative: rates((d) => c.domains[d].falseNegative),
        confidence: {
          ...actor.ai.confidence,
          wrong: wrongConfidence(training, c, actor.ai.domains),
        },
      };
      return [id, { ...actor, ai }];
    }),
  );
  return { ...scenario, actors };
}

/**
 * Rates written next to a training block, which computes them: a scenario gives per-domain rates
 * or a training block, not both. `input` is the data as written, before defaults.
 */
export function trainingConflicts(input: unknown): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const actors = field(input, 'actors');
  if (actors === null || typeof actors !== 'object') return issues;
  for (const id of Object.keys(actors)) {
    const ai = field(field(actors, id), 'ai');
    if (field(ai, 'training') === undefined) continue;
    const written: string[][] = [['falsePositive'], ['falseNegative'], ['confidence', 'wrong']];
    for (const path of written) {
      const value = path.reduce<unknown>((v, key) => field(v, key), ai);
      if (value === undefined) continue;
      issues.push({
        code: 'custom',
        path: ['actors', id, 'ai', ...path],
        message: 'computed from ai.training: give per-domain rates or a training block, not both',
        input: value,
      });
    }
  }
  return issues;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
