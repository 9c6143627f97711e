import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../util/index.ts';
import { loadScenarioFile } from './load-file.ts';
import { loadScenarioText, type LoadedScenario } from './load.ts';

const MINIMAL = `name: Minimal
horizonDays: 30
actors:
  solo: {}
`;

/** A small but non-trivial scenario; the reordered variant below must hash the same. */
const ORDERED = `name: Ordered
horizonDays: 10
intensity: 2
ladder:
  deescalationRatePerDay: 0.5
  hotline: { enabled: true, deescalationMultiplier: 3 }
actors:
  north:
    label: North
    tracks:
      ballistic: { falseAlarm: 2, benign: 1 }
    human:
      catchProbability: 0.8
      automationBias: 0.3
  south:
    initialRung: alert
    ai:
      domains: [ballistic, air]
`;

const REORDERED = `# Same model: keys in another order, other styles, comments and explicit defaults.
actors:
  south:
    ai:
      domains:
        - ballistic
        - air
    initialRung: alert
    sensitivity: 1 # the default, written out
  north:
    human:
      automationBias: 0.3
      catchProbability: 0.8
    tracks:
      ballistic:
        benign: 1
        falseAlarm: 2
    label: North
ladder:
  hotline:
    deescalationMultiplier: 3
    enabled: true
  deescalationRatePerDay: 0.5
intensity: 2.0
horizonDays: 10
name: Ordered
`;

function load(text: string, sets?: string[]): LoadedScenario {
  const result = loadScenarioText(text, { source: 'test.yaml', sets });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

function issuesOf(text: string, sets?: string[]): readonly Issue[] {
  const result = loadScenarioText(text, { source: 'test.yaml', sets });
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues;
}

describe('loadScenarioText: defaults', () => {
  it('applies every default to a minimal scenario', () => {
    const { scenario } = load(MINIMAL);
    expect(scenario.name).toBe('Minimal');
    expect(scenario.description).toBeUndefined();
    expect(scenario.intensity).toBe(1);
    expect(scenario.ladder.trackRateMultiplier).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(scenario.ladder.outageRateMultiplier).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(scenario.ladder.deescalationRatePerDay).toBe(0);
    expect(scenario.ladder.hotline).toEqual({
      enabled: false,
      deescalationMultiplier: 2,
      clarifyProbability: 0.5,
      latencyMinutes: 10,
    });

    const solo = scenario.actors.solo;
    expect(solo.label).toBeUndefined();
    expect(solo.initialRung).toBe('stable');
    expect(solo.sensitivity).toBe(1);
    expect(solo.tracks.ballistic).toEqual({ genuine: 0, benign: 0, falseAlarm: 0 });
    expect(solo.tracks.land).toEqual({ genuine: 0, benign: 0, falseAlarm: 0 });
    expect(solo.timeToImpactMinutes).toEqual({ ballistic: 30, air: 30, naval: 30, land: 30 });
    expect(solo.latencyMinutes).toEqual({ detection: 0, processing: 0 });
    expect(solo.ai.domains).toEqual([]);
    expect(solo.ai.falsePositive).toEqual({ ballistic: 0.05, air: 0.05, naval: 0.05, land: 0.05 });
    expect(solo.ai.falseNegative.naval).toBe(0.05);
    expect(solo.ai.confidence).toEqual({ correct: 0.9, wrong: 0.7, spread: 1 });
    expect(solo.legacy.falsePositive.air).toBe(0.02);
    expect(solo.legacy.falseNegative.air).toBe(0.1);
    expect(solo.confirmation).toEqual({
      enabled: false,
      domains: ['ballistic'],
      falsePositive: 0.05,
      falseNegative: 0.05,
      commonCause: 0.1,
      latencyMinutes: 1,
    });
    expect(solo.authority).toEqual({
      mode: 'human_in_the_loop',
      confidenceThreshold: 0.5,
      vetoWindowMinutes: 2,
      minimumDecisionMinutes: 0,
      timeoutDefault: 'ride_out',
      attackConfirmation: { enabled: false, falsePositive: 0, falseNegative: 0, delayMinutes: 0 },
    });
    expect(solo.agent).toEqual({ type: 'doctrine' });
    expect(solo.human).toEqual({
      catchProbability: 0.9,
      automationBias: 0,
      adequateTimeMinutes: 0,
      confidenceWeight: 0,
      decisionTime: { medianMinutes: 3, sigma: 0.5 },
    });
    expect(solo.responses).toEqual({
      ballistic: 'nuclear_alert',
      air: 'conventional_incident',
      naval: 'conventional_incident',
      land: 'conventional_incident',
    });
    expect(solo.answer).toBe('match');
    expect(solo.maxAnswerRung).toBe('general_nuclear_war');
    expect(solo.perception).toEqual({ probability: 0.8, meanDelayMinutes: 30 });
    expect(solo.comms.outageRatePerDay).toBe(0);
    expect(solo.comms.decapitation.minRung).toBe('nuclear_alert');
    expect(solo.comms.predelegation).toEqual({ enabled: false, rung: 'limited_nuclear_use' });
    expect(solo.intent).toEqual({ ratePerDay: 0, maxRung: 'conventional_strike' });
  });

  it('keeps given values and fills only the missing siblings', () => {
    const { scenario } = load(ORDERED);
    const north = scenario.actors.north;
    expect(north.human.catchProbability).toBe(0.8);
    expect(north.human.automationBias).toBe(0.3);
    expect(north.human.adequateTimeMinutes).toBe(0);
    expect(north.tracks.ballistic).toEqual({ genuine: 0, benign: 1, falseAlarm: 2 });
    expect(scenario.ladder.hotline).toEqual({
      enabled: true,
      deescalationMultiplier: 3,
      clarifyProbability: 0.5,
      latencyMinutes: 10,
    });
    expect(scenario.actors.south.initialRung).toBe('alert');
    expect(scenario.actors.south.ai.domains).toEqual(['ballistic', 'air']);
  });

  it('gives independent scenarios from two loads of the same text', () => {
    const a = load(MINIMAL);
    const b = load(MINIMAL);
    expect(a.scenario).toEqual(b.scenario);
    expect(a.scenario).not.toBe(b.scenario);
  });
});

describe('loadScenarioText: the resolved scenario is frozen', () => {
  // Test files are ES modules, so strict mode: writing to a frozen object throws a TypeError.
  it('rejects a change at the top level', () => {
    const scenario = load(MINIMAL).scenario as unknown as { name: string };
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(() => {
      scenario.name = 'changed';
    }).toThrow(TypeError);
    expect(scenario.name).toBe('Minimal');
  });

  it('rejects a change deep inside an actor, including defaulted groups', () => {
    const scenario = load(MINIMAL).scenario as unknown as {
      actors: Record<
        string,
        { human: { catchProbability: number; decisionTime: { sigma: number } } }
      >;
    };
    expect(() => {
      scenario.actors.solo.human.catchProbability = 0;
    }).toThrow(TypeError);
    expect(() => {
      scenario.actors.solo.human.decisionTime.sigma = 0;
    }).toThrow(TypeError);
    expect(() => {
      scenario.actors.intruder = scenario.actors.solo;
    }).toThrow(TypeError);
  });

  it('rejects changes to arrays, given or defaulted', () => {
    const scenario = load(ORDERED).scenario as unknown as {
      ladder: { trackRateMultiplier: number[] };
      actors: Record<string, { ai: { domains: string[] } }>;
    };
    expect(() => scenario.ladder.trackRateMultiplier.push(2)).toThrow(TypeError);
    expect(() => {
      scenario.ladder.trackRateMultiplier[0] = 5;
    }).toThrow(TypeError);
    expect(() => scenario.actors.south.ai.domains.pop()).toThrow(TypeError);
    // A later load is not affected by the attempts.
    expect(load(ORDERED).scenario.ladder.trackRateMultiplier).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('loadScenarioText: hash', () => {
  it('is 64 hex digits', () => {
    expect(load(MINIMAL).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable under key reordering, YAML style, comments and explicit defaults', () => {
    const a = load(ORDERED);
    const b = load(REORDERED);
    expect(b.scenario).toEqual(a.scenario);
    expect(b.hash).toBe(a.hash);
  });

  it('is the same for repeated loads', () => {
    expect(load(ORDERED).hash).toBe(load(ORDERED).hash);
  });

  it('changes when any value changes', () => {
    const base = load(ORDERED).hash;
    const variants = [
      ORDERED.replace('horizonDays: 10', 'horizonDays: 11'),
      ORDERED.replace('catchProbability: 0.8', 'catchProbability: 0.81'),
      ORDERED.replace('name: Ordered', 'name: Ordered!'),
      ORDERED.replace('enabled: true', 'enabled: false'),
      ORDERED.replace('[ballistic, air]', '[air, ballistic]'),
      ORDERED.replace('label: North', 'label: Nord'),
    ];
    const hashes = variants.map((v) => load(v).hash);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('changes with a --set of a new value and not with a --set of the same value', () => {
    const base = load(ORDERED).hash;
    expect(load(ORDERED, ['actors.north.human.catchProbability=0.5']).hash).not.toBe(base);
    expect(load(ORDERED, ['actors.north.human.catchProbability=0.8']).hash).toBe(base);
  });
});

describe('loadScenarioText: --set', () => {
  it('overrides values, adds absent fields and indexes arrays', () => {
    const { scenario } = load(ORDERED, [
      'actors.north.human.automationBias=0.6',
      'actors.south.comms.outageRatePerDay=4',
      'actors.south.ai.domains.1=naval',
      'ladder.trackRateMultiplier=[1, 2, 3, 4, 5, 6, 7]',
      'name=Set by flag',
    ]);
    expect(scenario.actors.north.human.automationBias).toBe(0.6);
    expect(scenario.actors.south.comms.outageRatePerDay).toBe(4);
    expect(scenario.actors.south.ai.domains).toEqual(['ballistic', 'naval']);
    expect(scenario.ladder.trackRateMultiplier).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(scenario.name).toBe('Set by flag');
  });

  it('applies repeated sets of one path in order: the last wins', () => {
    const { scenario } = load(MINIMAL, ['horizonDays=5', 'horizonDays=7']);
    expect(scenario.horizonDays).toBe(7);
  });

  it('reports an unknown field it creates against the --set, without a line', () => {
    expect(issuesOf(MINIMAL, ['actors.solo.human.nope=1'])).toEqual([
      {
        path: 'actors.solo.human.nope',
        message: 'unknown field',
        source: '--set actors.solo.human.nope=1',
      },
    ]);
  });

  it('refuses to create an actor', () => {
    expect(issuesOf(ORDERED, ['actors.west.label=x'])).toEqual([
      {
        path: 'actors.west.label',
        message: "no actor 'west' (actors: north, south)",
        source: '--set actors.west.label=x',
      },
    ]);
  });

  it('reports a bad value against the --set', () => {
    expect(issuesOf(MINIMAL, ['horizonDays=abc'])).toEqual([
      {
        path: 'horizonDays',
        message: 'Invalid input: expected number, received string (got "abc")',
        source: '--set horizonDays=abc',
      },
    ]);
    expect(issuesOf(MINIMAL, ['actors.solo.human.catchProbability=2'])).toEqual([
      {
        path: 'actors.solo.human.catchProbability',
        message: 'Too big: expected number to be <=1 (got 2)',
        source: '--set actors.solo.human.catchProbability=2',
      },
    ]);
  });

  it('reports malformed arguments', () => {
    expect(issuesOf(MINIMAL, ['horizonDays'])[0]).toMatchObject({
      message: 'expected path=value',
      source: '--set horizonDays',
    });
    expect(issuesOf(MINIMAL, ['=3'])[0].message).toBe('expected path=value');
    expect(issuesOf(MINIMAL, ['actors..label=x'])[0].message).toBe('empty path segment');
    expect(issuesOf(MINIMAL, ['name.first=x'])[0]).toMatchObject({
      path: 'name.first',
      message: 'name is a value, not a group of fields',
    });
    const bad = issuesOf(MINIMAL, ['horizonDays=[1'])[0];
    expect(bad.path).toBe('horizonDays');
    expect(bad.message).toMatch(/^value is not valid YAML: /);
    expect(bad.line).toBeUndefined();
  });

  it('reports every bad --set at once', () => {
    const issues = issuesOf(MINIMAL, ['horizonDays=0', 'actors.solo.human.automationBias=-1']);
    expect(issues.map((i) => i.source).sort()).toEqual([
      '--set actors.solo.human.automationBias=-1',
      '--set horizonDays=0',
    ]);
  });

  // A typo mid-path creates a group; its unknown-key issue belongs to the --set, not the file.
  it('blames an unknown group created by a --set typo on the --set', () => {
    const sets = ['actors.solo.humann.catchProbability=0.5'];
    expect(issuesOf(MINIMAL, sets)).toEqual([
      {
        path: 'actors.solo.humann',
        message: "unknown field (did you mean 'human'?)",
        source: '--set actors.solo.humann.catchProbability=0.5',
      },
    ]);
  });

  // All problems at once: a broken --set does not hide the file's own.
  it('reports file problems together with a --set that cannot be applied', () => {
    const text = MINIMAL.replace('solo: {}', 'solo:\n    human:\n      catchProbabilty: 0.9');
    const issues = issuesOf(text, ['actors.west.label=x']);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'actors.solo.human.catchProbabilty',
      'actors.west.label',
    ]);
  });
});

describe('loadScenarioText: issues and their positions', () => {
  it('reports every problem at once, in file order, each at its key', () => {
    const text = `name: Three problems
horizonDays: -1
actors:
  solo:
    human:
      catchProbabilty: 0.9
      automationBias: 2
`;
    expect(issuesOf(text)).toEqual([
      {
        path: 'horizonDays',
        message: 'Too small: expected number to be >0 (got -1)',
        source: 'test.yaml',
        line: 2,
        column: 1,
      },
      {
        path: 'actors.solo.human.catchProbabilty',
        message: "unknown field (did you mean 'catchProbability'?)",
        source: 'test.yaml',
        line: 6,
        column: 7,
      },
      {
        path: 'actors.solo.human.automationBias',
        message: 'Too big: expected number to be <=1 (got 2)',
        source: 'test.yaml',
        line: 7,
        column: 7,
      },
    ]);
  });

  it('gives each of several unknown keys of one object its own line', () => {
    const text = `name: T
horizonDays: 1
actors:
  solo:
    colour: red
    human: {}
    size: 3
`;
    expect(issuesOf(text).map((i) => [i.path, i.message, i.line, i.column])).toEqual([
      ['actors.solo.colour', 'unknown field', 5, 5],
      ['actors.solo.size', 'unknown field', 7, 5],
    ]);
  });

  it('points into flow mappings and sequences', () => {
    const text = `name: T
horizonDays: 1
actors:
  solo:
    tracks:
      ballistic: { falseAlarm: -2 }
    ai:
      domains: [ballistic, space]
`;
    expect(issuesOf(text).map((i) => [i.path, i.line, i.column])).toEqual([
      ['actors.solo.tracks.ballistic.falseAlarm', 6, 20],
      ['actors.solo.ai.domains.1', 8, 28],
    ]);
  });

  it('reports a missing required field at the start of the mapping', () => {
    const text = `horizonDays: 1
actors:
  solo: {}
`;
    expect(issuesOf(text)).toEqual([
      {
        path: 'name',
        message: 'required field is missing',
        source: 'test.yaml',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('names a wrong type and shows the value', () => {
    const [issue] = issuesOf(MINIMAL.replace('horizonDays: 30', 'horizonDays: thirty'));
    expect(formatIssue(issue)).toMatchInlineSnapshot(
      `"test.yaml:2:1: horizonDays: Invalid input: expected number, received string (got "thirty")"`,
    );
  });

  it('rejects an invalid actor id and a wrong number of actors', () => {
    expect(issuesOf(MINIMAL.replace('solo:', 'Solo:'))[0]).toMatchObject({
      path: 'actors.Solo',
      line: 4,
      column: 3,
    });
    expect(issuesOf(MINIMAL.replace('  solo: {}\n', '  {}\n'))[0]).toMatchObject({
      path: 'actors',
      message: 'a scenario has one or two actors',
    });
    const three = MINIMAL.replace('  solo: {}\n', '  a: {}\n  b: {}\n  c: {}\n');
    expect(issuesOf(three)[0]).toMatchObject({ path: 'actors', line: 3, column: 1 });
  });

  it('rejects a document that is not a mapping', () => {
    expect(issuesOf('')[0].message).toBe('expected a mapping of fields');
    expect(issuesOf('- a\n- b\n')[0].message).toBe('expected a mapping of fields');
  });

  it('rejects malformed YAML with the line of the problem', () => {
    const indented = `name: T
horizonDays: 1
actors:
  solo:
    human:
      catchProbability: 0.9
     automationBias: 0.1
`;
    const [issue] = issuesOf(indented);
    expect(issue.line).toBe(7);
    expect(issue.source).toBe('test.yaml');
    expect(issue.message).toMatch(/same column/);

    const tab = 'name: T\nhorizonDays: 1\nactors:\n\tsolo: {}\n';
    expect(issuesOf(tab)[0].line).toBe(4);
  });

  it('rejects several YAML documents in one file', () => {
    const [issue] = issuesOf(`${MINIMAL}---\nname: Second\n`);
    expect(issue.line).toBe(5);
    expect(issue.message).toMatch(/multiple documents/);
  });
});

describe('loadScenarioText: duplicate keys', () => {
  it('rejects a duplicate top-level key at the second occurrence', () => {
    const issues = issuesOf('name: A\nhorizonDays: 1\nname: B\nactors:\n  solo: {}\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, column: 1, source: 'test.yaml' });
    expect(issues[0].message).toMatch(/duplicate field 'name'/);
  });

  it('rejects a duplicate nested key at the second occurrence', () => {
    const text = `name: T
horizonDays: 1
actors:
  solo:
    human:
      catchProbability: 0.5
      catchProbability: 0.6
`;
    expect(issuesOf(text)[0]).toMatchObject({ line: 7, column: 7 });
  });

  it('rejects a duplicate actor', () => {
    const text = 'name: T\nhorizonDays: 1\nactors:\n  solo: {}\n  solo: {}\n';
    expect(issuesOf(text)[0]).toMatchObject({ line: 5, column: 3 });
  });

  it('names the duplicated key', () => {
    const text = `name: T
horizonDays: 1
actors:
  solo:
    human:
      catchProbability: 0.5
      catchProbability: 0.6
`;
    const [issue] = issuesOf(text);
    expect(`${issue.path} ${issue.message}`).toContain('catchProbability');
  });
});

describe('loadScenarioText: YAML aliases', () => {
  it('accepts anchors and aliases that resolve', () => {
    const text = `name: T
horizonDays: 1
actors:
  north:
    human: &careful { catchProbability: 0.95 }
  south:
    human: *careful
`;
    const { scenario } = load(text);
    expect(scenario.actors.south.human.catchProbability).toBe(0.95);
  });

  // yaml's toJS() throws for an alias with no anchor: it must come back as an issue at its line.
  it('reports an unresolved alias as an issue instead of throwing', () => {
    const text = 'name: T\nhorizonDays: 1\nactors:\n  solo:\n    label: *missing\n';
    const result = loadScenarioText(text, { source: 'test.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].line).toBe(5);
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'petrov-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a file, keeping its text, with the same hash as loading the text', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, ORDERED);
    const result = loadScenarioFile(file);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.text).toBe(ORDERED);
      expect(result.value.hash).toBe(load(ORDERED).hash);
    }
  });

  it('names the file in its issues and applies --set', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, MINIMAL.replace('horizonDays: 30', 'horizonDays: 0'));
    const bad = loadScenarioFile(file);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ source: file, line: 2, column: 1 });
    expect(loadScenarioFile(file, ['horizonDays=3']).ok).toBe(true);
  });

  it('reports a missing file or a directory as an issue, not an exception', () => {
    const missing = join(dir, 'missing.yaml');
    expect(loadScenarioFile(missing)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'cannot read scenario: no such file', source: missing }],
    });
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const result = loadScenarioFile(sub);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toBe('cannot read scenario: is a directory');
  });
});
