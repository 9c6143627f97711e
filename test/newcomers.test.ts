/** A way in: init, "did you mean", warnings for fields with no effect, resolve, one tab message. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'petrov-newcomers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const normalise = (text: string) => text.split(dir).join('<tmp>');

const ANALYTIC = 'scenarios/analytic-single-sensor.yaml';
const KOREA = 'scenarios/korean-peninsula-2026.yaml';

describe('petrov init', () => {
  it('writes a commented two-actor scenario that validates and runs, and never overwrites', async () => {
    const file = at('start.yaml');
    const first = await cli('init', file);
    expect(first.code).toBe(0);
    expect(normalise(first.out)).toMatchInlineSnapshot(`
      "wrote <tmp>/start.yaml: a two-actor scenario to edit
      next: petrov validate <tmp>/start.yaml && petrov run <tmp>/start.yaml
      for completion in your editor: petrov schema > petrov.schema.json
      "
    `);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./petrov.schema.json');
    const validated = await cli('validate', file);
    expect(validated.code).toBe(0);
    expect(validated.err).toBe('');
    const run = await cli('run', file, '--runs', '500', '--json', '--no-store');
    expect(JSON.parse(run.out).scenario.actors).toEqual(['blue', 'red']);
    const again = await cli('init', file);
    expect(again.code).toBe(2);
    expect(normalise(again.err)).toMatchInlineSnapshot(`
      "<tmp>/start.yaml: already exists: not overwritten
      "
    `);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('unknown fields', () => {
  it('suggest the known field a typo is closest to', async () => {
    const text = readFileSync(ANALYTIC, 'utf8')
      .replace('      catchProbability:', '      catchProbabilty:')
      .replace('\nhorizonDays:', '\nhorizonDay:');
    writeFileSync(at('typo.yaml'), text);
    const result = await cli('validate', at('typo.yaml'));
    expect(result.code).toBe(2);
    expect(normalise(result.err)).toMatchInlineSnapshot(`
      "<tmp>/typo.yaml:6:1: horizonDays: required field is missing
      <tmp>/typo.yaml:11:1: horizonDay: unknown field (did you mean 'horizonDays'?)
      <tmp>/typo.yaml:25:7: actors.solo.human.catchProbabilty: unknown field (did you mean 'catchProbability'?)
      1 of 1 file(s) invalid
      "
    `);
  });

  it('say nothing more when no field is close', async () => {
    const result = await cli('validate', ANALYTIC, '--set', 'actors.solo.human.zebra=1');
    expect(result.err).toMatchInlineSnapshot(`
      "--set actors.solo.human.zebra=1: actors.solo.human.zebra: unknown field
      1 of 1 file(s) invalid
      "
    `);
  });
});

describe('fields that have no effect', () => {
  it('are warnings with their line, and the file is still valid', async () => {
    const text = readFileSync(ANALYTIC, 'utf8')
      .replace(
        'falsePositive: { ballistic: 0.05 }',
        'falsePositive: { ballistic: 0.05, naval: 0.2 }',
      )
      .replace(
        'actors:\n',
        'actors:\n  bystander:\n    ai: { domains: [air] }\n    confirmation: { commonCause: 0.3 }\n',
      );
    writeFileSync(at('no-effect.yaml'), text);
    const result = await cli('validate', at('no-effect.yaml'));
    expect(result.code).toBe(0);
    expect(normalise(result.err)).toMatchInlineSnapshot(`
      "warning: <tmp>/no-effect.yaml:13:3: actors.bystander: observes no tracks (no \`tracks\` rate above 0): its ai and confirmation settings have no effect
      warning: <tmp>/no-effect.yaml:15:21: actors.bystander.confirmation.commonCause: has no effect while confirmation.enabled is false
      warning: <tmp>/no-effect.yaml:22:41: actors.solo.ai.falsePositive.naval: has no effect: the AI does not cover naval (ai.domains: [ballistic]); the legacy chain classifies it
      "
    `);
    const run = await cli('run', at('no-effect.yaml'), '--runs', '100', '--no-store');
    expect(run.code).toBe(0);
    expect(normalise(run.err)).toBe(normalise(result.err));
  });

  it('the bundled scenarios have none', async () => {
    const result = await cli(
      'validate',
      'scenarios/korean-peninsula-2026.yaml',
      ANALYTIC,
      'scenarios/korean-peninsula-2026-scripted.yaml',
      'scenarios/korean-peninsula-2026-capability.yaml',
      'scenarios/us-early-warning-1977-1984.yaml',
      'scenarios/us-soviet-1983.yaml',
      'scenarios/south-asia-india-pakistan.yaml',
      'scenarios/taiwan-strait.yaml',
    );
    expect(result.err).toBe('');
  });
});

describe('petrov resolve', () => {
  it('prints every default filled in, as a file that loads to the same hash', async () => {
    const result = await cli('resolve', ANALYTIC, '--set', 'horizonDays=10');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatchInlineSnapshot(
      `"# scenarios/analytic-single-sensor.yaml resolved with --set horizonDays=10: every default filled in"`,
    );
    expect(result.out).toContain('  deescalationRatePerDay: 0\n');
    expect(result.out).toContain('trackRateMultiplier: [ 1, 1, 1, 1, 1, 1, 1 ]');
    writeFileSync(at('resolved.yaml'), result.out);
    const reloaded = await cli('run', at('resolved.yaml'), '--runs', '10', '--json', '--no-store');
    const original = await cli(
      'run',
      ANALYTIC,
      '--set',
      'horizonDays=10',
      '--runs',
      '10',
      '--json',
      '--no-store',
    );
    expect(JSON.parse(reloaded.out).scenario.hash).toBe(JSON.parse(original.out).scenario.hash);
    expect(lines[1]).toBe(`# scenario hash ${JSON.parse(original.out).scenario.hash}`);
  });
});

describe('indentation', () => {
  it('a single tab in the bundled scenario is one message at its line', async () => {
    const text = readFileSync(KOREA, 'utf8');
    const broken = text.replace('\n    ai:', '\n\tai:');
    const line = broken.split('\n').findIndex((l) => l.startsWith('\tai:')) + 1;
    writeFileSync(at('tab.yaml'), broken);
    const result = await cli('validate', at('tab.yaml'));
    expect(result.code).toBe(2);
    const messages = result.err.trim().split('\n').slice(0, -1);
    expect(messages).toHaveLength(1);
    expect(normalise(messages[0])).toBe(
      `<tmp>/tab.yaml:${line}:1: ai: YAML syntax: a tab indents this line; YAML indents with spaces only (replace the tab with spaces)`,
    );
  });

  it('a key indented one space too far is one message at its line', async () => {
    const broken = readFileSync(KOREA, 'utf8').replace('\n    ai:', '\n     ai:');
    const line = broken.split('\n').findIndex((l) => l.startsWith('     ai:')) + 1;
    writeFileSync(at('indent.yaml'), broken);
    const result = await cli('validate', at('indent.yaml'));
    const messages = result.err.trim().split('\n').slice(0, -1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`indent.yaml:${line}:6: `);
    expect(messages[0]).toContain('All mapping items must start at the same column');
  });
});
