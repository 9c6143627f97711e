/**
 * A game stopped early gives what it had done, marked partial: in-process through the signal
 * (stopped after the first chunk of trials: deterministic), and `petrov game` in a child process
 * stopped by Ctrl-C (SIGINT sent once its first progress line is out; no timing is asserted).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playGame } from '../src/runner/index.ts';
import { loadScenarioFile } from '../src/scenario/index.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-game.yaml', import.meta.url));
const UNCERTAIN = `
uncertainty:
  actors.a.tracks.air.genuine: { dist: uniform, min: 0.04, max: 0.2, assumption: 'test range' }
`;

describe('a game stopped by its signal', () => {
  it('reports every profile on the trials finished, marked partial', async () => {
    const loaded = loadScenarioFile(FILE);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const controller = new AbortController();
    const result = await playGame(loaded.value, {
      runs: 5000,
      resamples: 20,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    // The first chunk (500 trials) was taken, then the game stopped.
    expect(result.partial).toEqual({
      trials: 500,
      plannedTrials: 5000,
      parameterSets: 0,
      plannedParameterSets: 0,
    });
    expect(result.runs).toBe(500);
    expect(result.profiles).toHaveLength(4);
    expect(result.equilibria.length).toBeGreaterThan(0);
  });
});

describe('petrov game stopped by Ctrl-C', () => {
  it('prints what is done, says what is missing, and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'petrov-game-int-'));
    const file = join(dir, 'uncertain-game.yaml');
    writeFileSync(file, readFileSync(FILE, 'utf8') + UNCERTAIN);
    // The baseline's 200 trials finish in its first chunk; the first parameter set is long.
    const args = ['--runs', '200', '--parameter-sets', '5', '--parameter-runs', '10000000'];
    const child = spawn(process.execPath, ['bin/petrov.mjs', 'game', file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let signalled = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (!signalled && err.includes('Ctrl-C stops and prints what is done')) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    try {
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(signalled).toBe(true);
      expect(code).toBe(130);
      expect(err).toContain('stopping after the trials in progress');
      expect(out).toContain(
        'PARTIAL: stopped by Ctrl-C once every profile had finished its 200 trials; parameter sets: 0 of 5 played (missing: sets 1–5',
      );
      expect(out).toMatch(/cautious {2}cautious .* \* \d+%/);
      expect(out).not.toContain('P(eq.) params');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
