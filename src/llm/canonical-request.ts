import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/index.ts';
import type { ChatRequest } from './chat-types.ts';

/** SHA-256 of the request's canonical JSON (sorted keys): what a recording is keyed by. */
export function requestHash(request: ChatRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
