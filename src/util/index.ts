export { type Issue, type Result, formatIssue, InputError } from './issue.ts';
export { type DeepReadonly, deepFreeze } from './deep-freeze.ts';
export { ExactSum } from './exact-sum.ts';
export { newStopFlag, raiseStopFlag, stopRequested, type StopFlag } from './stop-flag.ts';
export { EXCERPT_LENGTH, excerpt } from './excerpt.ts';
export { parseNumberText, parseWholeNumber } from './number-text.ts';
