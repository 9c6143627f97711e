import type { Result } from '../util/index.ts';
import { loadScenarioText, MAX_SCENARIO_BYTES, type LoadedScenario } from './load.ts';
import { readInputFile } from './read-input-file.ts';

/** Reads and loads a scenario file; an unreadable file is an issue, not a crash. */
export function loadScenarioFile(
  file: string,
  sets: readonly string[] = [],
  /** `--uncertain path=kind(...)` entries (see `LoadOptions.uncertain`). Default none. */
  uncertain: readonly string[] = [],
): Result<LoadedScenario & { text: string }> {
  const read = readInputFile(file, MAX_SCENARIO_BYTES, 'scenario');
  if (!read.ok) return read;
  const text = read.value;
  const loaded = loadScenarioText(text, { source: file, sets, uncertain });
  return loaded.ok ? { ok: true, value: { ...loaded.value, text } } : loaded;
}
