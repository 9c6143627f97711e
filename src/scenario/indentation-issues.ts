import type { Issue } from '../util/index.ts';

const TAB = 'Tabs are not allowed as indentation';
const MISALIGNED = 'All mapping items must start at the same column';

/**
 * One wrong indent makes the YAML parser misread every line after it: report its first
 * consequence only, and a tab as what it is, at its own line. Other syntax issues stay.
 */
export function indentationIssues(text: string, issues: readonly Issue[]): Issue[] {
  const tabLine = text.split('\n').findIndex((l) => /^ *\t/.test(l));
  const indentation = issues.filter(
    (i) => i.message.includes(TAB) || i.message.includes(MISALIGNED),
  );
  if (indentation.length === 0) return [...issues];
  const others = issues.filter((i) => !indentation.includes(i));
  const first =
    tabLine >= 0
      ? {
          ...(indentation.find((i) => i.message.includes(TAB)) ?? indentation[0]),
          line: tabLine + 1,
          column: text.split('\n')[tabLine].indexOf('\t') + 1,
          message:
            'YAML syntax: a tab indents this line; YAML indents with spaces only (replace the tab with spaces)',
        }
      : indentation[0];
  return [first, ...others];
}
