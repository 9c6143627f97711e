import type { Context } from 'hono';
import { ApiError } from '../api-error.ts';

/**
 * Who sends a request. A seat token makes it that seat's player; anything else that passed the
 * access checks is the facilitator (the holder of the server's token, or on a loopback server
 * without one, the user of this machine).
 */
export type Principal =
  | { readonly kind: 'facilitator'; readonly id: 'facilitator'; readonly name: string }
  | {
      readonly kind: 'player';
      /** `seat:EXERCISE:ACTOR`, the owner id of the player's runs. */
      readonly id: string;
      readonly name: string;
      readonly exerciseId: string;
      readonly actor: string;
    };

export const FACILITATOR: Principal = {
  kind: 'facilitator',
  id: 'facilitator',
  name: 'facilitator',
};

/** Finds the seat a token opens, if it is one. */
export type SeatLookup = (token: string) => Principal | undefined;

/** The bearer token of a request (or `?token=` where a browser cannot send headers). */
export function bearerOf(c: Context, fromQuery = false): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(header)?.[1];
  return bearer ?? (fromQuery ? c.req.query('token') : undefined);
}

export function principalOf(c: Context, seats: SeatLookup, fromQuery = false): Principal {
  const token = bearerOf(c, fromQuery);
  return (token === undefined ? undefined : seats(token)) ?? FACILITATOR;
}

/** 403 unless the facilitator asks. */
export function facilitatorOnly(who: Principal, what: string): void {
  if (who.kind !== 'facilitator') {
    throw new ApiError(403, 'facilitator only', [
      {
        path: 'Authorization',
        message: `a seat token acts only in its own seat (${who.actor}); ${what} is the facilitator's`,
      },
    ]);
  }
}

/** 403 unless `who` owns the work (owner id `ownerId`) or is the facilitator. */
export function ownerOrFacilitator(
  who: Principal,
  ownerId: string | undefined,
  what: string,
): void {
  if (who.kind === 'facilitator' || who.id === ownerId) return;
  throw new ApiError(403, 'not yours', [
    {
      path: 'id',
      message: `${what} belongs to ${ownerId ?? 'the facilitator'}: only its owner or the facilitator may change it`,
    },
  ]);
}
