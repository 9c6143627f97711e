import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type CliResult } from './helpers/cli.ts';
import type { RunResult, TraceResult } from '../src/runner/index.ts';
import { CAUSES } from '../src/scenario/index.ts';

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
const KOREA = 'scenarios/korean-peninsula-2026.yaml';
/** The analytic scenario's exact answer (see the comment at the top of the file). */
const ANALYTIC_P = 1 - Math.exp(-2 * 0.05 * 0.1 * 30);

const dir = mkdtempSync(join(tmpdir(), 'petrov-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a scenario into the temp dir and returns its path. */
function scenarioFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Temp paths vary between runs: show them as <tmp>. */
function normalise(text: string): string {
  return text.split(dir).join('<tmp>');
}

function expectNoStackTrace(result: CliResult): void {
  expect(result.err).not.toContain('    at ');
  expect(result.out).not.toContain('    at ');
}

/** What `run` and `compare` say on stderr once recorded in the run store (test/setup-store.ts). */
const STORED = /^stored as run \d+ in \S+petrov\.db\n$/;

async function runJson(...args: string[]): Promise<RunResult> {
  const result = await cli('run', ...args, '--json');
  expect(result.err).toMatch(STORED);
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as RunResult;
}

async function traceJson(...args: string[]): Promise<TraceResult> {
  const result = await cli('trace', ...args, '--json');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as TraceResult;
}

/** The JSON of a run without its wall-clock timing block, the only part allowed to differ. */
function withoutTiming(json: string): string {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  expect(parsed.timing).toBeDefined();
  delete parsed.timing;
  return JSON.stringify(parsed, null, 2);
}

const VALID = `name: CLI test
horizonDays: 30
actors:
  solo:
    tracks:
      ballistic: { falseAlarm: 2 }
    ai:
      domains: [ballistic]
    authority:
      confidenceThreshold: 0
    human:
      catchProbability: 0.9
    responses: { ballistic: limited_nuclear_use }
`;

describe('bad input: exit 2, the field path and the line, no stack trace', () => {
  /** Runs `run <file>` on a bad scenario and returns stderr with temp paths normalised. */
  async function rejected(name: string, text: string, ...args: string[]): Promise<string> {
    const file = scenarioFile(name, text);
    const result = await cli('run', file, '-n', '10', ...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expectNoStackTrace(result);
    return normalise(result.err);
  }

  it('malformed YAML: bad indentation', async () => {
    const text = VALID.replace(
      '      catchProbability: 0.9\n',
      '      catchProbability: 0.9\n     automationBias: 0.1\n',
    );
    expect(await rejected('indent.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/indent.yaml:13:6: actors.solo.human: YAML syntax: All mapping items must start at the same column
      "
    `);
  });

  it('malformed YAML: unclosed bracket', async () => {
    const text = VALID.replace('{ falseAlarm: 2 }', '{ falseAlarm: 2');
    expect(await rejected('bracket.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/bracket.yaml:6:18: actors.solo.tracks.ballistic: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }
      "
    `);
  });

  it('malformed YAML: unclosed quote', async () => {
    expect(await rejected('quote.yaml', VALID.replace('CLI test', '"CLI test'))).toMatch(
      /^<tmp>\/quote\.yaml:\d+:\d+: /,
    );
  });

  it('unknown key (a typo)', async () => {
    const text = VALID.replace('catchProbability', 'catchProbabilty');
    expect(await rejected('typo.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/typo.yaml:12:7: actors.solo.human.catchProbabilty: unknown field (did you mean 'catchProbability'?)
      "
    `);
  });

  it('wrong type: a string where a number belongs', async () => {
    const text = VALID.replace('horizonDays: 30', 'horizonDays: thirty');
    expect(await rejected('type.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/type.yaml:2:1: horizonDays: Invalid input: expected number, received string (got "thirty")
      "
    `);
  });

  it('negative rate', async () => {
    const text = VALID.replace('falseAlarm: 2', 'falseAlarm: -2');
    expect(await rejected('negative.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/negative.yaml:6:20: actors.solo.tracks.ballistic.falseAlarm: Too small: expected number to be >=0 (got -2)
      "
    `);
  });

  it('probability above 1', async () => {
    const text = VALID.replace('catchProbability: 0.9', 'catchProbability: 1.5');
    expect(await rejected('probability.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/probability.yaml:12:7: actors.solo.human.catchProbability: Too big: expected number to be <=1 (got 1.5)
      "
    `);
  });

  it('missing required field: name', async () => {
    const text = VALID.replace('name: CLI test\n', '');
    expect(await rejected('no-name.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/no-name.yaml:1:1: name: required field is missing
      "
    `);
  });

  it('missing required field: horizonDays', async () => {
    const text = VALID.replace('horizonDays: 30\n', '');
    expect(await rejected('no-horizon.yaml', text)).toMatchInlineSnapshot(`
      "<tmp>/no-horizon.yaml:1:1: horizonDays: required field is missing
      "
    `);
  });

  it('--set on a field that does not exist', async () => {
    const err = await rejected('set-nope.yaml', VALID, '--set', 'actors.solo.human.nope=1');
    expect(err).toMatchInlineSnapshot(`
      "--set actors.solo.human.nope=1: actors.solo.human.nope: unknown field
      "
    `);
  });

  it('--set on an actor that does not exist', async () => {
    const err = await rejected('set-west.yaml', VALID, '--set', 'actors.west.label=x');
    expect(err).toMatchInlineSnapshot(`
      "--set actors.west.label=x: actors.west.label: no actor 'west' (actors: solo)
      "
    `);
  });

  it('--set with a value of the wrong type', async () => {
    const err = await rejected('set-type.yaml', VALID, '--set', 'horizonDays=abc');
    expect(err).toMatchInlineSnapshot(`
      "--set horizonDays=abc: horizonDays: Invalid input: expected number, received string (got "abc")
      "
    `);
  });

  it('--set with a value out of range', async () => {
    const err = await rejected(
      'set-range.yaml',
      VALID,
      '--set',
      'actors.solo.human.catchProbability=2',
    );
    expect(err).toMatchInlineSnapshot(`
      "--set actors.solo.human.catchProbability=2: actors.solo.human.catchProbability: Too big: expected number to be <=1 (got 2)
      "
    `);
  });

  it('--set with a value that is not YAML', async () => {
    const err = await rejected('set-yaml.yaml', VALID, '--set', 'horizonDays=[1');
    expect(err).toMatch(/^--set horizonDays=\[1: horizonDays: value is not valid YAML: /);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('--set without a value', async () => {
    const err = await rejected('set-novalue.yaml', VALID, '--set', 'horizonDays');
    expect(err).toMatchInlineSnapshot(`
      "--set horizonDays: horizonDays: expected path=value
      "
    `);
  });

  it('reports all problems at once, each with its own line and column', async () => {
    const text = `name: Three problems
horizonDays: -1
actors:
  solo:
    human:
      catchProbabilty: 0.9
      automationBias: 2
`;
    const err = await rejected('three.yaml', text);
    expect(err).toMatchInlineSnapshot(`
      "<tmp>/three.yaml:2:1: horizonDays: Too small: expected number to be >0 (got -1)
      <tmp>/three.yaml:6:7: actors.solo.human.catchProbabilty: unknown field (did you mean 'catchProbability'?)
      <tmp>/three.yaml:7:7: actors.solo.human.automationBias: Too big: expected number to be <=1 (got 2)
      "
    `);
    expect(err.trim().split('\n')).toHaveLength(3);
  });

  it('a missing file', async () => {
    const missing = join(dir, 'does-not-exist.yaml');
    for (const command of [['run'], ['trace', '--trial', '0'], ['validate']]) {
      const result = await cli(command[0], missing, ...command.slice(1));
      expect(result.code).toBe(2);
      expectNoStackTrace(result);
      expect(normalise(result.err)).toContain(
        '<tmp>/does-not-exist.yaml: cannot read scenario: no such file',
      );
    }
  });

  it('bad options and commands are usage errors, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['run', ANALYTIC, '--runs', 'abc'], /argument 'abc' is invalid/],
      [['run', ANALYTIC, '--runs', '0'], /expected a whole number from 1/],
      [['run', ANALYTIC, '--target-rel-error', '2'], /expected a number between 0 and 1/],
      [['trace', ANALYTIC], /--trial: required \(the trial to trace\), unless --replay-decisions/],
      [['run'], /missing required argument 'file'/],
      [['bogus'], /unknown command 'bogus'/],
      [['run', ANALYTIC, '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(message);
      expectNoStackTrace(result);
    }
  });

  it('the same checks apply to trace', async () => {
    const file = scenarioFile('trace-typo.yaml', VALID.replace('catchProbability', 'catchProb'));
    const result = await cli('trace', file, '--trial', '0');
    expect(result.code).toBe(2);
    expectNoStackTrace(result);
    expect(normalise(result.err)).toBe(
      '<tmp>/trace-typo.yaml:12:7: actors.solo.human.catchProb: unknown field\n',
    );
  });

  it('an unresolved YAML alias is bad input, not a crash', async () => {
    const text = VALID.replace('ballistic: { falseAlarm: 2 }', 'ballistic: *rates');
    const file = scenarioFile('alias.yaml', text);
    const result = await cli('run', file, '-n', '10');
    expectNoStackTrace(result);
    expect(result.code).toBe(2);
  });
});

describe('run --json', () => {
  it('has the documented shape', async () => {
    const result = await runJson(ANALYTIC, '--runs', '2000', '--seed', '7');
    expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.seed).toBe(7);
    expect(result.runs).toBe(2000);
    expect(result.stoppedBy).toBe('runs');
    expect(result.targetRelError).toBeNull();
    expect(result.scenario.name).toBe('Analytic single sensor');
    expect(result.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.scenario.horizonDays).toBe(30);
    expect(result.scenario.actors).toEqual(['solo']);

    const shape = {
      p: expect.any(Number),
      stderr: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
      relErr: expect.toSatisfy((x: unknown) => x === null || typeof x === 'number'),
    };
    const estimates = [
      result.outcomes.nuclearUse,
      ...CAUSES.map((cause) => result.outcomes.byCause[cause]),
    ];
    expect(Object.keys(result.outcomes.byCause).sort()).toEqual(
      ['decapitation_misread', 'deliberate', 'escalation_spiral', 'false_alarm'].sort(),
    );
    for (const e of estimates) {
      expect(e).toStrictEqual(shape);
      expect(e.ci95[0]).toBeGreaterThanOrEqual(0);
      expect(e.ci95[0]).toBeLessThanOrEqual(e.p);
      expect(e.ci95[1]).toBeGreaterThanOrEqual(e.p);
      expect(e.ci95[1]).toBeLessThanOrEqual(1);
    }
    // The causes partition nuclear use.
    const sum = CAUSES.reduce((s, c) => s + result.outcomes.byCause[c].p, 0);
    expect(sum).toBeCloseTo(result.outcomes.nuclearUse.p, 12);
    expect(result.outcomes.byCause.false_alarm.p).toBe(result.outcomes.nuclearUse.p);
    expect(result.outcomes.byCause.deliberate.relErr).toBeNull();
    expect(result.timing.seconds).toBeGreaterThanOrEqual(0);
  });

  it('agrees with the analytic answer 1 - exp(-l f m T) within its interval', async () => {
    const { outcomes } = await runJson(ANALYTIC, '--runs', '20000', '--seed', '3');
    const { p, stderr, ci95 } = outcomes.nuclearUse;
    expect(Math.abs(p - ANALYTIC_P)).toBeLessThan(4 * stderr);
    expect(ci95[0]).toBeLessThan(ANALYTIC_P);
    expect(ci95[1]).toBeGreaterThan(ANALYTIC_P);
  });

  it('is byte-identical for the same seed once timing is removed', async () => {
    const args = ['run', ANALYTIC, '--runs', '2000', '--seed', '11', '--json'];
    const a = await cli(...args);
    const b = await cli(...args);
    expect(a.code).toBe(0);
    expect(withoutTiming(b.out)).toBe(withoutTiming(a.out));
    // The raw text differs at most inside the timing block.
    const strip = (s: string) => s.replace(/"timing": \{[^}]*\}/, '"timing": {}');
    expect(strip(b.out)).toBe(strip(a.out));
  });

  it('differs between seeds', async () => {
    const a = await runJson(ANALYTIC, '--runs', '2000', '--seed', '1');
    const b = await runJson(ANALYTIC, '--runs', '2000', '--seed', '2');
    expect(b.scenario.hash).toBe(a.scenario.hash);
    expect(b.outcomes).not.toEqual(a.outcomes);
    expect(b.outcomes.counts.tracks.mean).not.toBe(a.outcomes.counts.tracks.mean);
    expect(b.examples).not.toEqual(a.examples);
  });

  it('--set changes the scenario hash and the result', async () => {
    const base = await runJson(ANALYTIC, '--runs', '2000');
    const changed = await runJson(
      ANALYTIC,
      '--runs',
      '2000',
      '--set',
      'actors.solo.human.catchProbability=0.5',
    );
    expect(changed.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(changed.scenario.hash).not.toBe(base.scenario.hash);
    expect(changed.outcomes.nuclearUse.p).toBeGreaterThan(base.outcomes.nuclearUse.p);
    // Setting a field to the value it already has changes nothing.
    const same = await runJson(
      ANALYTIC,
      '--runs',
      '2000',
      '--set',
      'actors.solo.human.catchProbability=0.9',
    );
    expect(same.scenario.hash).toBe(base.scenario.hash);
  });

  it('--target-rel-error stops at the target', async () => {
    const r = await runJson(ANALYTIC, '--target-rel-error', '0.1', '--max-runs', '200000');
    expect(r.stoppedBy).toBe('target');
    expect(r.targetRelError).toBe(0.1);
    expect(r.runs).toBeLessThanOrEqual(200_000);
    expect(r.outcomes.nuclearUse.relErr).not.toBeNull();
    expect(r.outcomes.nuclearUse.relErr ?? Infinity).toBeLessThanOrEqual(0.1);
  });

  it('--target-rel-error reports maxRuns when the target is out of reach', async () => {
    const r = await runJson(ANALYTIC, '--target-rel-error', '0.001', '--max-runs', '3000');
    expect(r.stoppedBy).toBe('maxRuns');
    expect(r.runs).toBe(3000);
    expect(r.outcomes.nuclearUse.relErr ?? 0).toBeGreaterThan(0.001);
  });

  it('--target-rel-error with no events at all runs to the cap (relErr null)', async () => {
    const r = await runJson(
      ANALYTIC,
      '--target-rel-error',
      '0.5',
      '--max-runs',
      '2000',
      '--set',
      'actors.solo.human.catchProbability=1',
    );
    expect(r.stoppedBy).toBe('maxRuns');
    expect(r.runs).toBe(2000);
    expect(r.outcomes.nuclearUse.p).toBe(0);
    expect(r.outcomes.nuclearUse.relErr).toBeNull();
    expect(r.examples).toEqual([]);
  });

  it('--examples limits the listed trials, which end in nuclear use in increasing order', async () => {
    const r = await runJson(ANALYTIC, '--runs', '2000', '--examples', '3');
    expect(r.examples).toHaveLength(3);
    const trials = r.examples.map((e) => e.trial);
    expect([...trials].sort((a, b) => a - b)).toEqual(trials);
    for (const e of r.examples) {
      expect(e.cause).toBe('false_alarm');
      expect(e.actor).toBe('solo');
      expect(e.day).toBeGreaterThanOrEqual(0);
      expect(e.day).toBeLessThanOrEqual(30);
    }
    const none = await runJson(ANALYTIC, '--runs', '2000', '--examples', '0');
    expect(none.examples).toEqual([]);
  });

  it('prints a readable table without --json', async () => {
    const result = await cli('run', ANALYTIC, '--runs', '2000');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(STORED);
    expect(result.out).toContain('Analytic single sensor');
    expect(result.out).toContain('nuclear use (any cause)');
    expect(result.out).toContain('false alarm');
    expect(result.out).toContain('95% interval (Wilson)');
    expect(result.out).toMatch(new RegExp(`petrov trace ${ANALYTIC} --seed 1 --trial \\d+`));
  });
});

describe('trace', () => {
  it('refuses a trial with too many tracks to list, saying what to change, exit 2', async () => {
    // 10,000 alarms a day seen 1,000-fold, almost none labelled hostile: about 300 million
    // benign tracks in the trial.
    const high = [
      '--set',
      'actors.solo.tracks.ballistic.falseAlarm=10000',
      '--set',
      'actors.solo.ai.falsePositive.ballistic=1e-10',
    ];
    const result = await cli(
      'trace',
      ANALYTIC,
      '--trial',
      '0',
      ...high,
      '--set',
      'actors.solo.sensitivity=1000',
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^petrov: this trial has [\d,]+ tracks labelled benign, too many to trace/,
    );
    expectNoStackTrace(result);
  });

  it('replays every example of run --json with the same cause and day', async () => {
    const run = await runJson(ANALYTIC, '--runs', '2000', '--seed', '5');
    expect(run.examples.length).toBeGreaterThan(0);
    for (const example of run.examples) {
      const trace = await traceJson(ANALYTIC, '--seed', '5', '--trial', String(example.trial));
      expect(trace.seed).toBe(5);
      expect(trace.trial).toBe(example.trial);
      expect(trace.scenario.hash).toBe(run.scenario.hash);
      expect(trace.nuclearUse).toBe(true);
      expect(trace.cause).toBe(example.cause);
      expect(trace.origin).toBe(example.origin);
      expect(trace.day).toBe(example.day);
      expect(trace.highestRung[example.actor]).toBe('limited_nuclear_use');
      // The crisis plays on past the first use; its event marks the day.
      const use = trace.events.filter((e) => e.kind === 'nuclearUse');
      expect(use).toHaveLength(1);
      expect(use[0].minute / 1440).toBeCloseTo(example.day, 9);
    }
  });

  it('agrees with run under the same --set', async () => {
    const set = ['--set', 'actors.solo.human.catchProbability=0.5'];
    const run = await runJson(ANALYTIC, '--runs', '500', '--seed', '9', ...set);
    const [example] = run.examples;
    const trace = await traceJson(
      ANALYTIC,
      '--seed',
      '9',
      '--trial',
      String(example.trial),
      ...set,
    );
    expect(trace.scenario.hash).toBe(run.scenario.hash);
    expect(trace.day).toBe(example.day);
  });

  it('is deterministic, with event minutes non-decreasing', async () => {
    const args = ['trace', ANALYTIC, '--seed', '3', '--trial', '17', '--json'];
    const a = await cli(...args);
    const b = await cli(...args);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    const trace = JSON.parse(a.out) as TraceResult;
    expect(trace.events.length).toBeGreaterThan(0);
    for (let i = 1; i < trace.events.length; i++)
      expect(trace.events[i].minute).toBeGreaterThanOrEqual(trace.events[i - 1].minute);
    for (const e of trace.events) {
      expect(e.minute).toBeGreaterThanOrEqual(0);
      expect(e.minute).toBeLessThanOrEqual(30 * 1440);
    }

    const text1 = await cli('trace', ANALYTIC, '--seed', '3', '--trial', '17');
    const text2 = await cli('trace', ANALYTIC, '--seed', '3', '--trial', '17');
    expect(text2.out).toBe(text1.out);
  });

  it('tells a trial that ended in nuclear use in words', async () => {
    const run = await runJson(ANALYTIC, '--runs', '2000');
    const trial = String(run.examples[0].trial);
    const result = await cli('trace', ANALYTIC, '--trial', trial);
    expect(result.code).toBe(0);
    expect(result.out).toContain('NUCLEAR USE');
    expect(result.out).toContain(`Trial ${trial} of seed 1`);
    expect(result.out).toContain('cause: false alarm');
    // Benign-labelled tracks are hidden unless --all.
    const all = await cli('trace', ANALYTIC, '--trial', trial, '--all');
    expect(all.out.split('\n').length).toBeGreaterThan(result.out.split('\n').length);
    expect(all.out).toContain('labels the ballistic track benign');
  });

  it('tells a trial without nuclear use', async () => {
    // Find a trial without use from the run: the first trial index not in a long example list.
    const run = await runJson(ANALYTIC, '--runs', '200', '--examples', '200');
    const used = new Set(run.examples.map((e) => e.trial));
    const quiet = [...Array(200).keys()].find((t) => !used.has(t)) ?? 0;
    const trace = await traceJson(ANALYTIC, '--trial', String(quiet));
    expect(trace.nuclearUse).toBe(false);
    expect(trace.cause).toBeNull();
    expect(trace.day).toBeNull();
    expect(trace.events[trace.events.length - 1].kind).toBe('horizon');
    const text = await cli('trace', ANALYTIC, '--trial', String(quiet));
    expect(text.out).toContain('Ended without nuclear use.');
    expect(text.out).not.toContain('NUCLEAR USE');
  });

  it('depends on the seed', async () => {
    const a = await traceJson(ANALYTIC, '--seed', '1', '--trial', '4', '--all');
    const b = await traceJson(ANALYTIC, '--seed', '2', '--trial', '4', '--all');
    expect(b.events).not.toEqual(a.events);
  });
});

describe('validate', () => {
  it('exits 0 on the analytic scenario', async () => {
    const result = await cli('validate', ANALYTIC);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(
      /^scenarios\/analytic-single-sensor\.yaml: ok \(Analytic single sensor; [0-9a-f]{12}\)\n$/,
    );
  });

  it.skipIf(!existsSync(KOREA))('exits 0 on the Korean peninsula scenario', async () => {
    const result = await cli('validate', KOREA, ANALYTIC);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n')).toHaveLength(2);
  });

  it('runs the Korean peninsula scenario, and trace replays its examples of every cause', async () => {
    const run = await runJson(KOREA, '--runs', '1000', '--examples', '20');
    expect(run.runs).toBe(1000);
    expect(run.scenario.actors).toHaveLength(2);
    // Every cause the run saw has an example, so the loop below traces each of them.
    const seen = Object.entries(run.outcomes.byCause)
      .filter(([, e]) => e.p > 0)
      .map(([cause]) => cause);
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(run.examples.map((e) => e.cause))).toEqual(new Set(seen));
    for (const example of run.examples) {
      const trace = await traceJson(KOREA, '--trial', String(example.trial));
      expect(trace.scenario.hash).toBe(run.scenario.hash);
      expect(trace.nuclearUse).toBe(true);
      expect(trace.cause).toBe(example.cause);
      expect(trace.origin).toBe(example.origin);
      expect(trace.day).toBe(example.day);
      for (let i = 1; i < trace.events.length; i++)
        expect(trace.events[i].minute).toBeGreaterThanOrEqual(trace.events[i - 1].minute);
    }
  });

  it('exits 2 on a bad file, one `file:line:col path: message` per issue', async () => {
    const bad = scenarioFile(
      'validate-bad.yaml',
      VALID.replace('horizonDays: 30', 'horizonDays: 0').replace('falseAlarm: 2', 'falseAlarm: x'),
    );
    const result = await cli('validate', bad);
    expect(result.code).toBe(2);
    expectNoStackTrace(result);
    const lines = normalise(result.err).trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(0, 2))
      expect(line).toMatch(/^<tmp>\/validate-bad\.yaml:\d+:\d+: [\w.]+: \S.*$/);
    expect(normalise(result.err)).toMatchInlineSnapshot(`
      "<tmp>/validate-bad.yaml:2:1: horizonDays: Too small: expected number to be >0 (got 0)
      <tmp>/validate-bad.yaml:6:20: actors.solo.tracks.ballistic.falseAlarm: Invalid input: expected number, received string (got "x")
      1 of 1 file(s) invalid
      "
    `);
  });

  it('checks every file and exits 2 if any is invalid', async () => {
    const bad = scenarioFile('validate-one-bad.yaml', VALID.replace('name: CLI test\n', ''));
    const good = scenarioFile('validate-good.yaml', VALID);
    const result = await cli('validate', bad, ANALYTIC, good);
    expect(result.code).toBe(2);
    expect(result.out.trim().split('\n')).toHaveLength(2);
    expect(normalise(result.out)).toContain('<tmp>/validate-good.yaml: ok (CLI test; ');
    expect(normalise(result.err)).toBe(
      '<tmp>/validate-one-bad.yaml:1:1: name: required field is missing\n' +
        '1 of 3 file(s) invalid\n',
    );
  });

  it('applies --set', async () => {
    const bad = scenarioFile(
      'validate-set.yaml',
      VALID.replace('horizonDays: 30', 'horizonDays: 0'),
    );
    expect((await cli('validate', bad)).code).toBe(2);
    expect((await cli('validate', bad, '--set', 'horizonDays=90')).code).toBe(0);
  });
});

describe('schema', () => {
  it('prints the JSON Schema of scenarios with descriptions', async () => {
    const result = await cli('schema');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    interface JsonSchema {
      $schema?: string;
      type?: string;
      description?: string;
      required?: string[];
      properties?: Record<string, JsonSchema>;
      additionalProperties?: JsonSchema | boolean;
    }
    const schema = JSON.parse(result.out) as JsonSchema;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    const properties = schema.properties ?? {};
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining([
        'name',
        'description',
        'horizonDays',
        'intensity',
        'ladder',
        'actors',
      ]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'horizonDays', 'actors']));
    expect(schema.required).not.toContain('intensity');
    for (const [key, property] of Object.entries(properties))
      expect(property.description, key).toMatch(/\S/);
    const actor = properties.actors.additionalProperties;
    expect(typeof actor).toBe('object');
    if (typeof actor === 'object') {
      const human = actor.properties?.human;
      expect(human?.properties?.catchProbability?.description).toMatch(/rejects a wrong hostile/);
    }
  });
});

describe('help', () => {
  it('exits 0 with examples on the program', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Examples');
    expect(result.out).toContain('Exit codes');
    for (const command of ['run', 'trace', 'validate', 'schema'])
      expect(result.out).toContain(command);
  });

  it.each(['run', 'trace', 'validate'])('exits 0 with examples on %s --help', async (command) => {
    const result = await cli(command, '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Usage: petrov ${command}`);
    expect(result.out).toContain('Examples');
    expect(result.err).toBe('');
  });

  it('exits 0 on schema --help', async () => {
    const result = await cli('schema', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: petrov schema');
  });

  it('schema --help contains "Examples"', async () => {
    const result = await cli('schema', '--help');
    expect(result.out).toContain('Examples');
  });

  it('help <command> is the same as <command> --help', async () => {
    const a = await cli('help', 'run');
    const b = await cli('run', '--help');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('--version prints the version', async () => {
    const result = await cli('--version');
    expect(result.code).toBe(0);
    expect(result.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
