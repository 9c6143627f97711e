import type { z } from 'zod';
import { deepFreeze, type DeepReadonly, type Result } from '../util/index.ts';
import { scenarioSchema, type ScenarioOutput } from './schema.ts';

/** A complete, frozen scenario with every default applied: the only thing the engine accepts. */
export type ResolvedScenario = DeepReadonly<ScenarioOutput>;
export type ResolvedActor = ResolvedScenario['actors'][string];

type ResolveResult =
  { ok: true; value: ResolvedScenario } | { ok: false; zodIssues: readonly z.core.$ZodIssue[] };

/** Validates plain data (from YAML, JSON or code) and applies defaults; issues keep zod's paths. */
export function resolveScenario(input: unknown): ResolveResult {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, zodIssues: parsed.error.issues };
  return { ok: true, value: deepFreeze(parsed.data) };
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
