import type { Issue } from '../api/types.ts';
import type { Validation } from '../editor/validation.ts';

interface Props {
  readonly validation: Validation;
  readonly onSelect?: (issue: Issue) => void;
}

/** The validation verdict under the editor: each issue with its line, path and message. */
export function IssueList({ validation, onSelect }: Props) {
  switch (validation.state) {
    case 'pending':
      return (
        <p className="status" data-testid="validation-status" aria-live="polite">
          Checking…
        </p>
      );
    case 'unavailable':
      return (
        <p className="status warn" data-testid="validation-status" aria-live="polite">
          Could not validate: {validation.message}
        </p>
      );
    case 'valid':
      return (
        <p className="status ok" data-testid="validation-status" aria-live="polite">
          Valid scenario “{validation.result.name}” with actors{' '}
          {validation.result.actors.join(', ')}.
        </p>
      );
    case 'invalid':
      return (
        <div aria-live="polite">
          <p className="status error" data-testid="validation-status">
            {validation.issues.length} problem{validation.issues.length === 1 ? '' : 's'} in the
            scenario:
          </p>
          <ul className="issues" data-testid="issue-list">
            {validation.issues.map((issue, i) => (
              <li key={i} data-testid="issue" data-line={issue.line ?? ''}>
                <button type="button" className="link" onClick={() => onSelect?.(issue)}>
                  {issue.line !== undefined ? `line ${issue.line}` : 'file'}
                  {issue.column !== undefined ? `:${issue.column}` : ''}
                </button>{' '}
                {issue.path && <code>{issue.path}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}
