import { readFileSync } from 'node:fs';
import type { Result } from '../util/index.ts';
import { loadScenarioText, type LoadedScenario } from './load.ts';

/** Reads and loads a scenario file; an unreadable file is an issue, not a crash. */
export function loadScenarioFile(
  file: string,
  sets: readonly string[] = [],
  /** `--uncertain path=kind(...)` entries (see `LoadOptions.uncertain`). Default none. */
  uncertain: readonly string[] = [],
): Result<LoadedScenario & { text: string }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    return {
      ok: false,
      issues: [{ path: '', message: `cannot read scenario: ${why}`, source: file }],
    };
  }
  const loaded = loadScenarioText(text, { source: file, sets, uncertain });
  return loaded.ok ? { ok: true, value: { ...loaded.value, text } } : loaded;
}
