import type { Issue } from '../util/index.ts';

/** Issues a validation reports at most; the rest are counted in one last issue. */
export const MAX_ISSUES = 100;

/** The first `max` issues, then one saying how many more there were. */
export function capIssues(issues: readonly Issue[], max = MAX_ISSUES): readonly Issue[] {
  if (issues.length <= max) return issues;
  const more = (issues.length - max).toLocaleString('en-US');
  return [
    ...issues.slice(0, max),
    {
      path: '',
      message: `and ${more} more issues (only the first ${max} are listed)`,
      source: issues[max].source,
    },
  ];
}
