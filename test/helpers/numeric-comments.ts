/** Finds numbers in a scenario file that do not say where they come from. */

/** Scenarios bound to the record or to a named crisis, whose every number must say where it comes from. */
export const SOURCED_SCENARIOS = [
  'scenarios/us-early-warning-1977-1984.yaml',
  'scenarios/us-soviet-1983.yaml',
  'scenarios/south-asia-india-pakistan.yaml',
  'scenarios/taiwan-strait.yaml',
];

/**
 * Lines that set a number (`key: 0.3`, `key: [1, 2]`, `- 4`) without a trailing comment, before
 * the `uncertainty` block (whose entries carry `source:` or `assumption:` fields instead).
 */
export function uncommentedNumbers(text: string): string[] {
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    if (/^uncertainty:/.test(line)) break;
    const value = /^\s*(?:-\s+)?(?:[\w.]+:\s*)?(.*)$/.exec(line)?.[1] ?? '';
    const code = value.replace(/\s+#.*$/, '');
    const numeric = /^(?:-?[\d.]+(?:e-?\d+)?|\[[\d.,\s-]+\]|\{[^}]*\d[^}]*\})$/.test(code.trim());
    if (numeric && !/\s#\s*\S/.test(line)) bad.push(line.trim());
  }
  return bad;
}
