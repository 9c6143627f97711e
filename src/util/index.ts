export { type Issue, type Result, formatIssue, InputError } from './issue.ts';
export { type DeepReadonly, deepFreeze } from './deep-freeze.ts';
export { ExactSum } from './exact-sum.ts';
