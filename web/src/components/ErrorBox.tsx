import { ApiError } from '../api/api-error.ts';

interface Props {
  readonly error: unknown;
}

/** Any failure as text; an API error with its issue list (path, line, message), as the CLI shows. */
export function ErrorBox({ error }: Props) {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-box" role="alert" data-testid="error">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.line !== undefined && `line ${issue.line}: `}
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
