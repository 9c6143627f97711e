import { applySafeguards, type LoadedScenario } from '../scenario/index.ts';
import { InputError } from '../util/index.ts';

/**
 * Checks the safeguard a ratio study follows (`name` or `name:actor`) against the scenario once,
 * up front, so a typo is one clear error naming the option rather than a failure in every arm.
 */
export function checkRatioSafeguard(loaded: LoadedScenario, spec: string): void {
  const applied = applySafeguards(loaded, [spec]);
  if (applied.ok) return;
  throw new InputError(
    applied.issues.map((i) => ({ path: 'ratio', message: `${i.path}: ${i.message}` })),
  );
}
