import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { Issue } from '../api/types.ts';

/** An API issue as a CodeMirror diagnostic: from its line and column to the end of that line. */
export function issueDiagnostic(doc: Text, issue: Issue): Diagnostic {
  const message = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  if (issue.line === undefined) return { from: 0, to: 0, severity: 'error', message };
  const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
  return { from, to: Math.max(line.to, from), severity: 'error', message };
}
