/** Where the token lives for this tab: gone when the tab closes, never sent anywhere but /api. */
const KEY = 'petrov.token';

/**
 * Moves `#token=...` (the URL `petrov serve` prints when it needs a token) out of the address bar
 * into sessionStorage, so it stays out of history and bookmarks; call once before routing.
 */
export function adoptTokenFromUrl(): void {
  const match = /^#token=([^&#]+)$/.exec(window.location.hash);
  if (match === null) return;
  window.sessionStorage.setItem(KEY, decoded(match[1]));
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}#/`);
}

/** The access token of this tab, or null when the server needs none (loopback). */
export function accessToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

/** The server prints the token URI-encoded; a hand-typed one may not be. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
