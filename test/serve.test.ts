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
});
