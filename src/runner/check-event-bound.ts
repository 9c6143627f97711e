import type { LoadedScenario } from '../scenario/index.ts';
import { compileArms } from './chunk-task.ts';

/**
 * Throws the engine's ModelLimitError when a scenario expects more events per trial than
 * `maxEvents` (default the engine's 1,000,000), so a request is refused before it is queued.
 */
export function checkEventBound(loaded: LoadedScenario, maxEvents?: number): void {
  compileArms([loaded.scenario], null, { maxEvents });
}
