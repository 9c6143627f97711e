/** Work per trial, per trace and per run is bounded, and a cancel takes effect within a trial. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compare,
  compileModel,
  isModelLimit,
  loadScenarioText,
  simulate,
  simulatorFor,
  type LoadedScenario,
} from '../src/index.ts';
import { cli } from './helpers/cli.ts';

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
const ANALYTIC_TEXT = readFileSync(ANALYTIC, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'petrov-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The issue's bomb: every one of `perDay` false alarms a day is labelled hostile and caught. */
function bomb(horizonDays: number, perDay = 10_000): string {
  return ANALYTIC_TEXT.replace('horizonDays: 30', `horizonDays: ${horizonDays}`)
    .replace('falseAlarm: 2 }', `falseAlarm: ${perDay} }`)
    .replace('falsePositive: { ballistic: 0.05 }', 'falsePositive: { ballistic: 1 }')
    .replace('catchProbability: 0.9 ', 'catchProbability: 1 ');
}

function load(text: string): LoadedScenario {
  const result = loadScenarioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Aborts after `ms` and says how long after the abort `work` ended (generous: machines are shared). */
/**
 * Aborts `work` after `ms`. Whether the abort took effect within a chunk is read from the trials
 * done (fewer than a chunk), not from the clock: a timed assertion fails on a loaded machine.
 */
async function afterAbort<T>(
  controller: AbortController,
  ms: number,
  work: Promise<T>,
): Promise<T> {
  setTimeout(() => controller.abort(), ms);
  return work;
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the cap on events per trial', () => {
  it('refuses a scenario expected beyond it before any trial, naming the cap and the flag', () => {
    const { scenario } = load(bomb(3660));
    const model = compileModel(scenario);
    const error = thrown(() => simulatorFor(scenario, null, model));
    expect(isModelLimit(error)).toBe(true);
    expect(error.message).toMatch(/about 36,600,000 events per trial, beyond the cap of 1,000,000/);
    expect(error.message).toContain('--max-events');
    // Raised far enough, the same scenario is accepted.
    expect(() => simulatorFor(scenario, null, model, { maxEvents: 1e8 })).not.toThrow();
  });

  it('stops a trial that goes beyond it, naming the trial, the cap and the flag', () => {
    // About 3 events per trial expected: a cap of 4 passes up front, and some trial exceeds it.
    const { scenario } = load(ANALYTIC_TEXT);
    const simulator = simulatorFor(scenario, null, compileModel(scenario), { maxEvents: 4 });
    const error = thrown(() => {
      for (let trial = 0; trial < 1000; trial++) simulator.run(1, trial);
    });
    expect(isModelLimit(error)).toBe(true);
    expect(error.message).toMatch(/^trial \d+ of seed 1 handled more than 4 events/);
    expect(error.message).toContain('--max-events');
  });

  it('leaves the numbers of runs within the cap unchanged', async () => {
    const loaded = load(ANALYTIC_TEXT);
    const plain = await simulate(loaded, { runs: 3000, seed: 2, clock: () => 0 });
    const capped = await simulate(loaded, { runs: 3000, seed: 2, clock: () => 0, maxEvents: 50 });
    expect(JSON.stringify(capped)).toBe(JSON.stringify(plain));
  });

  it('is an input error on the CLI (exit 2), quickly, for run, compare and trace', async () => {
    const file = join(dir, 'bomb.yaml');
    writeFileSync(file, bomb(3660));
    for (const args of [
      ['run', file, '--runs', '1', '--no-store'],
      ['compare', file, '--runs', '1', '--all', '--no-store'],
      ['trace', file, '--trial', '0'],
    ]) {
      const result = await cli(...args);
      expect(result.code, result.err).toBe(2);
      expect(result.err).toMatch(/^petrov: the scenario expects about 36,600,000 events per trial/);
      expect(result.err).toContain('--max-events');
      expect(result.err).not.toContain('    at ');
    }
  });
});

describe('the cap on events per trace', () => {
  it('refuses a trace that would record more, naming the cap and the flag', async () => {
    const file = join(dir, 'bomb40.yaml');
    writeFileSync(file, bomb(40));
    const result = await cli('trace', file, '--trial', '0');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/more than 200,000 events, the cap on events per trace/);
    expect(result.err).toContain('--max-trace-events');
    const small = await cli('trace', file, '--trial', '0', '--max-trace-events', '5', '--json');
    expect(small.err).toMatch(/more than 5 events/);
  });
});

describe('cancel', () => {
  it('takes effect within a trial on worker threads, with the trials done', async () => {
    // About 30 ms per trial: a chunk of 10,000 would take five minutes to finish.
    const loaded = load(bomb(40));
    const controller = new AbortController();
    const run = simulate(loaded, {
      runs: 20_000,
      workers: 1,
      offThread: true,
      signal: controller.signal,
    });
    const result = await afterAbort(controller, 1500, run);
    expect(result.stoppedBy).toBe('aborted');
    expect(result.runs).toBeGreaterThan(0);
    expect(result.runs).toBeLessThan(10_000);
  }, 20_000);
});

describe('cancel in this thread', () => {
  it('takes effect within a slice of about 50 ms, with the trials done', async () => {
    const loaded = load(bomb(40));
    const controller = new AbortController();
    const run = simulate(loaded, { runs: 20_000, signal: controller.signal });
    const result = await afterAbort(controller, 500, run);
    expect(result.stoppedBy).toBe('aborted');
    expect(result.runs).toBeGreaterThan(0);
    expect(result.runs).toBeLessThan(10_000);
  }, 20_000);

  it('leaves the numbers unchanged: slices add up exactly, plain and importance sampling', async () => {
    const loaded = load(
      ANALYTIC_TEXT.replace('catchProbability: 0.9 ', 'catchProbability: 0.999 '),
    );
    for (const method of ['plain', 'is'] as const) {
      const options = { runs: 30_000, seed: 4, method, clock: () => 0, chunkSize: 10_000 };
      const whole = await simulate(loaded, options);
      const sliced = await simulate(loaded, { ...options, signal: new AbortController().signal });
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole));
    }
  }, 60_000);
});

describe('compare in this thread', () => {
  it('gives the same numbers in slices, and stops within one when cancelled', async () => {
    const text = ANALYTIC_TEXT.replace('catchProbability: 0.9 ', 'catchProbability: 0.999 ');
    const loaded = load(text);
    const variant = load(text.replace('catchProbability: 0.999 ', 'catchProbability: 0.9999 '));
    const variants = [{ name: 'better', safeguards: [], loaded: variant }];
    for (const method of ['plain', 'is'] as const) {
      const options = { runs: 30_000, seed: 4, method, clock: () => 0 };
      const whole = await compare(loaded, variants, options);
      const signal = new AbortController().signal;
      const sliced = await compare(loaded, variants, { ...options, signal });
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole));
    }
    const heavy = load(bomb(40));
    const controller = new AbortController();
    const run = compare(heavy, [{ name: 'same', safeguards: [], loaded: heavy }], {
      runs: 20_000,
      signal: controller.signal,
    });
    const result = await afterAbort(controller, 500, run);
    expect(result.stoppedBy).toBe('aborted');
  }, 60_000);
});

describe('--workers', () => {
  it('is capped at 4 per core, naming the cap', async () => {
    const cap = 4 * availableParallelism();
    if (cap >= 256) return; // the flag's own range (1-256) is the bound on such a machine
    const result = await cli('run', ANALYTIC, '--workers', String(cap + 1), '--no-store');
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--workers: at most ${cap} (4 per core`);
  });
});
