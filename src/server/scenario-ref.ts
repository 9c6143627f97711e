import {
  applySafeguards,
  loadScenarioText,
  type LoadedScenario,
  type SafeguardedScenario,
} from '../index.ts';
import { ApiError } from './api-error.ts';
import type { ScenarioRef } from './request-schemas.ts';
import type { ScenarioLibrary } from './scenario-library.ts';

/** A validated scenario from a request, with its text and where it came from. */
export interface ScenarioFromRequest {
  readonly loaded: LoadedScenario;
  readonly text: string;
  /** `bundled:NAME` or `text`, as the run store records it. */
  readonly source: string;
}

/**
 * Loads `{ name }` (a bundled file: 400 if path-like, 404 if unknown) or `{ text }`; an invalid
 * scenario is a 422 with every issue at its line and column.
 */
export function loadScenarioRef(
  ref: ScenarioRef,
  library: ScenarioLibrary,
  path = 'scenario',
): ScenarioFromRequest {
  const named = ref.name !== undefined;
  const text = named ? library.text(ref.name ?? '', `${path}.name`) : (ref.text ?? '');
  const source = named ? `bundled:${ref.name}` : 'text';
  return { loaded: loadText(text), text, source };
}

/** Loads scenario text or throws its issues as a 422. */
export function loadText(text: string, sets: readonly string[] = []): LoadedScenario {
  const result = loadScenarioText(text, { source: 'scenario', sets });
  if (!result.ok) throw new ApiError(422, 'invalid scenario', result.issues);
  return result.value;
}

/** Applies safeguard specs (`name` or `name:actor,...`) or throws their issues as a 422. */
export function withSafeguards(
  loaded: LoadedScenario,
  specs: readonly string[],
): SafeguardedScenario {
  const result = applySafeguards(loaded, specs);
  if (result.ok) return result.value;
  throw new ApiError(
    422,
    'invalid safeguards',
    result.issues.map((i) => ({ path: 'safeguards', message: `${i.path}: ${i.message}` })),
  );
}
