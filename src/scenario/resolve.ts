import type { z } from 'zod';
import { deepFreeze, type DeepReadonly, type Result } from '../util/index.ts';
import { applyTraining, trainingConflicts } from './apply-training.ts';
import { scenarioSchema, type ScenarioOutput } from './schema.ts';

/** A complete, frozen scenario with every default applied: the only thing the engine accepts. */
export type ResolvedScenario = DeepReadonly<ScenarioOutput>;
export type ResolvedActor = ResolvedScenario['actors'][string];

type ResolveResult =
  { ok: true; value: ResolvedScenario } | { ok: false; zodIssues: readonly z.core.$ZodIssue[] };

export interface ResolveOptions {
  /**
   * The input was written by a person (a file, `--set`): rates next to an `ai.training` block are
   * then an error. Otherwise (code re-resolving a resolved scenario) M6 recomputes them. Default false.
   */
  readonly authored?: boolean;
}

/**
 * Validates plain data (from YAML, JSON or code), applies defaults and fills AI rates computed from
 * any `ai.training` block (M6); issues keep zod's paths.
 */
export function resolveScenario(input: unknown, options: ResolveOptions = {}): ResolveResult {
  const conflicts = options.authored === true ? trainingConflicts(input) : [];
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, zodIssues: [...parsed.error.issues, ...conflicts] };
  if (conflicts.length > 0) return { ok: false, zodIssues: conflicts };
  return { ok: true, value: deepFreeze(applyTraining(parsed.data)) };
}

/** Convenience for library users holding plain objects: issues without line numbers. */
export function resolveScenarioObject(input: unknown): Result<ResolvedScenario> {
  const result = resolveScenario(input);
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.zodIssues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    })),
  };
}
