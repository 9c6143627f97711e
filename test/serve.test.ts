/** `petrov serve` as a user starts it: a real port on localhost, the API, and a clean stop. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.ts';
import { cli } from './helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'petrov-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('petrov serve', () => {
  it('has help that teaches', async () => {
    const result = await cli('serve', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: petrov serve');
    expect(result.out).toContain('127.0.0.1');
    expect(result.out).toContain('curl -s localhost:8080/api/scenarios');
    expect((await cli('--help')).out).toContain('serve');
  });

  it('refuses a bad port', async () => {
    const result = await cli('serve', '--port', '70000');
    expect(result.code).toBe(2);
    expect(result.err).toContain('expected a whole number from 0 to 65535');
  });

  it('listens on 127.0.0.1, answers, and stops on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const child = spawn(process.execPath, ['bin/petrov.mjs', 'serve', '--port', '0', '--db', db]);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 300 && !err.includes('http://'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(err)?.[0];
      expect(url, err).toBeDefined();
      expect(err).toContain(`runs stored in ${db}`);
      const health = await fetch(`${url}api/health`);
      expect(await health.json()).toEqual({ version: VERSION });
      const page = await fetch(url ?? '');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('stopping');
  });

  it('refuses a short --token or PETROV_TOKEN, and a malformed --allow-host or --allow-origin', async () => {
    const short = await cli('serve', '--token', 'short');
    expect(short.code).toBe(2);
    expect(short.err).toContain('expected at least 16 characters');
    expect((await cli('serve', '--allow-host', 'a/b')).code).toBe(2);
    const origin = await cli('serve', '--allow-origin', 'example.org');
    expect(origin.code).toBe(2);
    expect(origin.err).toContain('expected an origin such as https://example.org:8443');
    process.env.PETROV_TOKEN = 'short';
    try {
      const env = await cli('serve', '--port', '0');
      expect(env.code).toBe(2);
      expect(env.err).toBe(
        "PETROV_TOKEN: expected at least 16 characters without spaces, '#' or '&'\n",
      );
    } finally {
      delete process.env.PETROV_TOKEN;
    }
  });

  it('beyond loopback, prints a #token= URL and requires the token on /api', async () => {
    const db = join(dir, 'token.db');
    const child = spawn(process.execPath, [
      'bin/petrov.mjs',
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--db',
      db,
    ]);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 300 && !err.includes('#token='); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const match = /open http:\/\/\S+:(\d+)\/#token=([A-Za-z0-9_-]{43}) /.exec(err);
      expect(match, err).not.toBeNull();
      const [, port, token] = match ?? [];
      const base = `http://127.0.0.1:${port}`;
      const without = await fetch(`${base}/api/health`);
      expect(without.status).toBe(401);
      const ok = await fetch(`${base}/api/health`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      // The page itself loads without it: it reads the token from its URL.
      expect((await fetch(`${base}/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
