import { createHash } from 'node:crypto';
import { newToken } from '../token-guard.ts';

/** A fresh seat token: as strong as the server's access token, URL-safe for a `#token=` link. */
export const newSeatToken = newToken;

/** What is kept of a seat token: its SHA-256 (hex), never the token itself. */
export function seatTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
