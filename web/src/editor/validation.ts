import type { Issue, ValidationOk } from '../api/types.ts';

/** The editor's latest validation: pending while typing, then the server's verdict. */
export type Validation =
  | { readonly state: 'pending' }
  | { readonly state: 'valid'; readonly result: ValidationOk }
  | { readonly state: 'invalid'; readonly issues: readonly Issue[] }
  | { readonly state: 'unavailable'; readonly message: string };
