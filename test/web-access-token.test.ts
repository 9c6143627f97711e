/**
 * The web app's side of the access token, without a browser: `#token=` moves into session
 * storage and out of the address bar, then goes with every API request (Bearer) and in the event
 * stream's URL; every change says JSON.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessToken, adoptTokenFromUrl } from '../web/src/api/access-token.ts';
import { api } from '../web/src/api/client.ts';

/** The few parts of `window` the token code touches. */
function fakeWindow(hash: string) {
  const storage = new Map<string, string>();
  const location = { hash, pathname: '/', search: '' };
  return {
    location,
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    history: {
      replaceState: (_state: unknown, _title: string, url: string) => {
        location.hash = url.slice(url.indexOf('#'));
      },
    },
  };
}

describe('the web app access token', () => {
  let calls: { url: string; init: RequestInit }[];
  beforeEach(() => {
    calls = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify({ id: '1' }), { status: 200 }));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('moves #token= from the address bar into session storage', () => {
    const window = fakeWindow('#token=abc-DEF_123');
    vi.stubGlobal('window', window);
    adoptTokenFromUrl();
    expect(accessToken()).toBe('abc-DEF_123');
    expect(window.location.hash).toBe('#/');
  });

  it('decodes a token the server printed URI-encoded', () => {
    vi.stubGlobal('window', fakeWindow(`#token=${encodeURIComponent('a+b/c=d')}`));
    adoptTokenFromUrl();
    expect(accessToken()).toBe('a+b/c=d');
  });

  it('leaves routes alone, and has no token then', () => {
    const window = fakeWindow('#/runs/3');
    vi.stubGlobal('window', window);
    adoptTokenFromUrl();
    expect(accessToken()).toBeNull();
    expect(window.location.hash).toBe('#/runs/3');
  });

  it('sends it as Bearer, in the event stream URL, and JSON content type on changes', async () => {
    vi.stubGlobal('window', fakeWindow('#token=t0ken'));
    adoptTokenFromUrl();
    await api.runs();
    await api.startRun({ kind: 'run', scenario: { name: 'x' } });
    await api.remove('4');
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[0]).toEqual({ authorization: 'Bearer t0ken' });
    expect(headers[1]).toEqual({
      authorization: 'Bearer t0ken',
      'content-type': 'application/json',
    });
    expect(headers[2]).toEqual({
      authorization: 'Bearer t0ken',
      'content-type': 'application/json',
    });
    expect(api.eventsUrl('4')).toBe('api/runs/4/events?token=t0ken');
  });

  it('sends no token when it has none', async () => {
    vi.stubGlobal('window', fakeWindow('#/'));
    await api.runs();
    expect(calls[0].init.headers).toEqual({});
    expect(api.eventsUrl('4')).toBe('api/runs/4/events');
  });
});
