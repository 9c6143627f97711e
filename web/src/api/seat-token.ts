/** A player's seat token for this tab: from their join link, gone when the tab closes. */
const KEY = 'petrov.seat';

/**
 * Moves `#/play?seat=TOKEN` (a join link) into sessionStorage and leaves `#/play` in the address
 * bar, so a reload rejoins the seat without the token in history; call once before routing.
 */
export function adoptSeatFromUrl(): void {
  const match = /^#\/play\?seat=([^&#]+)$/.exec(window.location.hash);
  if (match === null) return;
  window.sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}#/play`);
}

export function seatToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

/** The join link of a seat, for the facilitator to hand out. */
export function joinLink(token: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#/play?seat=${encodeURIComponent(token)}`;
}
