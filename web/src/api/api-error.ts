import type { ApiErrorBody, Issue } from './types.ts';

/** A non-2xx answer: its status and the server's issue list, rendered like the CLI's. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: readonly Issue[];

  constructor(status: number, body: ApiErrorBody) {
    super(body.error);
    this.status = status;
    this.issues = body.issues ?? [];
  }
}
