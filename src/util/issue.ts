/** An expected problem with user input: data, not an exception. Rendered the same by CLI, API and web. */
export interface Issue {
  /** Dotted path of the offending field, e.g. `actors.north.human.catchProbability`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** 1-based position in the source text, when the problem is in a file. */
  readonly line?: number;
  readonly column?: number;
  /** Where the value came from: a file name or a `--set path=value` argument. */
  readonly source?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: readonly Issue[] };

/** One issue per line: `file:line:col path: message` (parts that are unknown left out). */
export function formatIssue(issue: Issue): string {
  const where = [issue.source, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${where === '' ? '' : `${where}: `}${path}${issue.message}`;
}

/** Thrown where a Result cannot flow (deep in a command); the CLI renders it as issues, exit 2. */
export class InputError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
  }
}
