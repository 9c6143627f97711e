/**
 * Who may drive the server (docs/api.md, "Threat model"): other web pages, DNS rebinding and
 * requests without the token are refused, in memory, each with the error saying why.
 */
import { describe, expect, it } from 'vitest';
import { json, testServer, type ErrorBody, type TestServer } from './helpers/api.ts';

const RUN = { kind: 'run', scenario: { name: 'analytic-single-sensor' }, runs: 100 };
const HOST = '127.0.0.1:8080';
const OWN = `http://${HOST}`;
const JSON_TYPE = { 'content-type': 'application/json' };

function send(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(server.app.request(path, init));
}

/** A POST /api/runs as a browser would send it from `origin`, with these headers. */
function postRun(server: TestServer, headers: Record<string, string>, body = JSON.stringify(RUN)) {
  return send(server, '/api/runs', { method: 'POST', headers: { host: HOST, ...headers }, body });
}

async function refused(response: Response, status: number, path: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  const body = await json<ErrorBody>(response);
  expect(body.error).toEqual(expect.any(String));
  expect(body.issues[0].path).toBe(path);
  return body;
}

async function storedIds(server: TestServer): Promise<string[]> {
  return server.store.list().map((r) => r.id);
}

/** A finished run in the store, to be read or deleted. */
async function oneRun(server: TestServer): Promise<string> {
  const response = await postRun(server, { ...JSON_TYPE, origin: OWN });
  expect(response.status).toBe(202);
  const { id } = await json<{ id: string }>(response);
  await server.runs.idle();
  return id;
}

describe('a page of another origin', () => {
  const server = testServer();

  it('cannot start a run (403, naming the Origin)', async () => {
    const body = await refused(
      await postRun(server, { ...JSON_TYPE, origin: 'http://evil.example' }),
      403,
      'Origin',
    );
    expect(body.error).toBe('cross-origin request refused');
    expect(body.issues[0].message).toBe(
      `'http://evil.example' is not this server's origin (${OWN}) nor allowed by --allow-origin`,
    );
    expect(await storedIds(server)).toEqual([]);
  });

  it('is refused for another scheme, another port, `null` and malformed origins', async () => {
    for (const origin of ['https://127.0.0.1:8080', 'http://127.0.0.1:9999', 'null', 'x']) {
      await refused(await postRun(server, { ...JSON_TYPE, origin }), 403, 'Origin');
    }
    const read = await send(server, '/api/runs', {
      headers: { host: HOST, origin: 'http://evil.example' },
    });
    await refused(read, 403, 'Origin');
    expect(await storedIds(server)).toEqual([]);
  });

  it('cannot send text/plain, form-encoded or multipart bodies (415), nor to /api/validate', async () => {
    const types = [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ];
    for (const type of types) {
      const body = await refused(
        await postRun(server, { 'content-type': type }),
        415,
        'Content-Type',
      );
      expect(body.issues[0].message).toBe(`POST needs application/json, got '${type}'`);
    }
    // A form field named after the JSON: `{"kind":"run",...}=`.
    const form = await postRun(
      server,
      { 'content-type': 'application/x-www-form-urlencoded' },
      `${JSON.stringify(RUN)}=`,
    );
    await refused(form, 415, 'Content-Type');
    const noType = await send(server, '/api/runs', {
      method: 'POST',
      headers: { host: HOST },
      body: new TextEncoder().encode(JSON.stringify(RUN)),
    });
    expect((await refused(noType, 415, 'Content-Type')).issues[0].message).toBe(
      'POST needs application/json, got none',
    );
    const validate = await send(server, '/api/validate', {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'text/plain' },
      body: JSON.stringify({ text: 'name: x' }),
    });
    await refused(validate, 415, 'Content-Type');
    expect(await storedIds(server)).toEqual([]);
  });

  it('cannot delete or cancel without JSON either', async () => {
    const id = await oneRun(server);
    const del = await send(server, `/api/runs/${id}`, {
      method: 'DELETE',
      headers: { host: HOST },
    });
    await refused(del, 415, 'Content-Type');
    const cancel = await send(server, `/api/runs/${id}/cancel`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'text/plain' },
      body: '{}',
    });
    await refused(cancel, 415, 'Content-Type');
    expect(await storedIds(server)).toEqual([id]);
  });

  it('still lets the server own pages, curl and allowed origins in', async () => {
    const ok = await postRun(server, { ...JSON_TYPE, origin: OWN });
    expect(ok.status).toBe(202);
    // curl and scripts send no Origin.
    expect(
      (await postRun(server, { 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(202);
    await server.runs.idle();
    const allowed = testServer({ access: { allowedOrigins: ['https://petrov.example.org'] } });
    const from = await postRun(allowed, { ...JSON_TYPE, origin: 'https://petrov.example.org' });
    expect(from.status).toBe(202);
    await allowed.runs.idle();
    const other = await postRun(allowed, { ...JSON_TYPE, origin: 'https://other.example.org' });
    await refused(other, 403, 'Origin');
  });
});

describe('DNS rebinding: a request for a foreign Host', () => {
  const server = testServer();
  const rebound = 'rebind.attacker.example:8080';

  it('cannot delete a run, read it, list runs or read scenarios (403, naming the Host)', async () => {
    const id = await oneRun(server);
    const del = await send(server, `/api/runs/${id}`, {
      method: 'DELETE',
      headers: { host: rebound, ...JSON_TYPE },
    });
    const body = await refused(del, 403, 'Host');
    expect(body.error).toBe('host not allowed');
    expect(body.issues[0].message).toBe(
      `'${rebound}' is not a loopback name (localhost, 127.0.0.1, [::1]) nor allowed by --allow-host: refused against DNS rebinding`,
    );
    expect(await storedIds(server)).toEqual([id]);
    for (const path of [
      `/api/runs/${id}`,
      '/api/runs',
      '/api/scenarios/analytic-single-sensor',
      '/',
    ]) {
      await refused(await send(server, path, { headers: { host: rebound } }), 403, 'Host');
    }
    await refused(await postRun(server, { ...JSON_TYPE, host: rebound }), 403, 'Host');
    await refused(await send(server, '/api/health', { headers: { host: 'evil' } }), 403, 'Host');
  });

  it('is allowed for loopback names with any port, and for --allow-host names', async () => {
    for (const host of ['localhost:8080', 'LOCALHOST', '127.0.0.1', '127.3.4.5:1', '[::1]:8080']) {
      const response = await send(server, '/api/health', { headers: { host } });
      expect(response.status, host).toBe(200);
    }
    // The page's own origin follows the Host it was loaded from.
    const own = await postRun(server, {
      ...JSON_TYPE,
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
    });
    expect(own.status).toBe(202);
    await server.runs.idle();
    const lan = testServer({ access: { allowedHosts: ['petrov.lan', '10.0.0.5:8080'] } });
    for (const host of ['petrov.lan', 'petrov.lan:9000', '10.0.0.5:8080']) {
      expect((await send(lan, '/api/health', { headers: { host } })).status, host).toBe(200);
    }
    for (const host of ['10.0.0.5:8081', 'sub.petrov.lan', 'petrov.lan.attacker.example']) {
      await refused(await send(lan, '/api/health', { headers: { host } }), 403, 'Host');
    }
  });
});

describe('a server with an access token', () => {
  const token = 'a-token-of-at-least-16-characters';
  const server = testServer({ access: { token } });
  const bearer = { authorization: `Bearer ${token}` };

  it('refuses /api requests without it, or with a wrong one (401)', async () => {
    const missing = await send(server, '/api/health');
    const body = await refused(missing, 401, 'Authorization');
    expect(body.error).toBe('missing access token');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="petrov"');
    for (const authorization of [`Bearer ${token}x`, 'Bearer x', `Basic ${token}`, token]) {
      const wrong = await send(server, '/api/health', { headers: { authorization } });
      await refused(wrong, 401, 'Authorization');
    }
    const run = await postRun(server, { ...JSON_TYPE, authorization: 'Bearer nope' });
    expect((await refused(run, 401, 'Authorization')).error).toBe('wrong access token');
    // The query token is for the event stream only.
    await refused(await send(server, `/api/runs?token=${token}`), 401, 'Authorization');
    expect(server.store.list()).toEqual([]);
  });

  it('answers with it, and takes it in the query of the event stream (EventSource)', async () => {
    expect((await send(server, '/api/health', { headers: bearer })).status).toBe(200);
    const started = await postRun(server, { ...JSON_TYPE, ...bearer, origin: OWN });
    expect(started.status).toBe(202);
    const { id } = await json<{ id: string }>(started);
    const stream = await send(server, `/api/runs/${id}/events?token=${token}`);
    expect(stream.status).toBe(200);
    expect(await stream.text()).toContain('event: end');
    await refused(await send(server, `/api/runs/${id}/events?token=x`), 401, 'Authorization');
    const del = await send(server, `/api/runs/${id}`, {
      method: 'DELETE',
      headers: { ...JSON_TYPE, ...bearer },
    });
    expect(del.status).toBe(204);
  });

  it('serves its pages without it (they read it from the URL), but not for a foreign Host', async () => {
    expect((await send(server, '/')).status).toBe(200);
    await refused(await send(server, '/', { headers: { host: 'evil.example' } }), 403, 'Host');
  });
});
