/**
 * Hostile input, generated: mutations of the bundled scenarios (wrong types, NaN and infinities,
 * deleted, duplicated, unknown and reserved keys, control characters, deep nesting, alias loops,
 * huge lists, bad --set paths and indices), bad flags, forged part and tilt files. Each must be
 * refused as input (an issue, or exit 2) that says where — a field path or a line — quickly, in
 * a short message without control characters.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import {
  formatIssue,
  loadScenarioFile,
  loadScenarioText,
  parsePart,
  parseTiltSpec,
  partChecksum,
  simulatePart,
  toPartFile,
  type Issue,
} from '../src/index.ts';
import { cli } from './helpers/cli.ts';

const NAMES = [
  'analytic-single-sensor',
  'korean-peninsula-2026',
  'korean-peninsula-2026-capability',
  'korean-peninsula-2026-scripted',
  'analytic-game',
];
const BUNDLED = NAMES.map((name) => ({
  name,
  text: readFileSync(`scenarios/${name}.yaml`, 'utf8'),
}));
const dir = mkdtempSync(join(tmpdir(), 'petrov-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Path = (string | number)[];

interface Case {
  readonly label: string;
  readonly text: string;
  readonly sets?: readonly string[];
  /** A path the issues should name (or lie on the way to); absent when only a line can be. */
  readonly path?: Path;
}

/** Every scalar leaf of a document, with its path. */
function leaves(doc: Document): { path: Path; value: unknown }[] {
  const found: { path: Path; value: unknown }[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isScalar(node)) found.push({ path, value: node.value });
  };
  walk(doc.contents, []);
  return found;
}

/** Every mapping of a document, with its path. */
function mappings(doc: Document): Path[] {
  const found: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      found.push(path);
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
}

/** The text with `change` applied to its document. */
function mutate(text: string, change: (doc: Document) => void): string {
  const doc = parseDocument(text);
  change(doc);
  return String(doc);
}

/** Lines that begin with a block key (`  key:`), with their key and indent, and the key's path. */
function keyLines(text: string): { line: number; indent: string; key: string; block: boolean }[] {
  const doc = parseDocument(text);
  const starts = new Set<number>();
  visit(doc, {
    Pair(_key, pair) {
      const range = isScalar(pair.key) ? pair.key.range : undefined;
      if (range) starts.add(range[0]);
    },
  });
  const lines = text.split('\n');
  const found: { line: number; indent: string; key: string; block: boolean }[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const match = /^(\s*)([A-Za-z_][\w-]*):(.*)$/.exec(line);
    if (match && starts.has(offset + match[1].length)) {
      const rest = match[3].replace(/#.*/, '').trim();
      found.push({ line: i, indent: match[1], key: match[2], block: rest === '' });
    }
    offset += line.length + 1;
  });
  return found;
}

function insertAfter(text: string, line: number, added: string): string {
  const lines = text.split('\n');
  lines.splice(line + 1, 0, added);
  return lines.join('\n');
}

/** Every generated scenario case: at least a few hundred. */
function scenarioCases(): Case[] {
  const cases: Case[] = [];
  for (const { name, text } of BUNDLED) {
    const doc = parseDocument(text);
    const all = leaves(doc);
    const actors = Object.keys((doc.toJS() as { actors: Record<string, unknown> }).actors);
    all.forEach(({ path, value }, i) => {
      const at = `${name}:${path.join('.')}`;
      // Each leaf gets one of three mutations in turn, so the suite stays well under a minute.
      const wrong = typeof value === 'string' ? 12345 : 'not-a-number';
      if (i % 3 === 0) {
        cases.push({
          label: `wrong type ${at}`,
          text: mutate(text, (d) => d.setIn(path, wrong)),
          path,
        });
      }
      if (typeof value === 'number' && i % 3 === 1) {
        const bad = [NaN, Infinity, -Infinity][i % 3];
        cases.push({ label: `${bad} ${at}`, text: mutate(text, (d) => d.setIn(path, bad)), path });
      }
      if (typeof value === 'string' && /^(name|label|description)$/.test(String(path.at(-1)))) {
        for (const control of ['\u001b[31mred', 'bell\u0007', 'csi\u009b2J', 'nul\u0000']) {
          const t = mutate(text, (d) => d.setIn(path, control));
          cases.push({ label: `control ${JSON.stringify(control)} ${at}`, text: t, path });
        }
      }
      // A key with a dot in it (an uncertainty entry's path) cannot be named by --set.
      if (i % 3 === 2 && path.every((s) => !String(s).includes('.'))) {
        const set = `${path.join('.')}=${typeof value === 'string' ? '[1, 2]' : 'abc'}`;
        cases.push({ label: `--set wrong type ${at}`, text, sets: [set], path });
      }
    });
    mappings(doc).forEach((path, i) => {
      const at = `${name}:${path.join('.') || '(top)'}`;
      const reserved = ['__proto__', 'constructor', 'prototype'][i % 3];
      if (i % 2 === 0) {
        const unknown = mutate(text, (d) => d.setIn([...path, 'zz_unknown'], 1));
        cases.push({ label: `unknown key in ${at}`, text: unknown, path: [...path, 'zz_unknown'] });
      } else {
        const r = mutate(text, (d) => d.setIn([...path, reserved], { x: 1 }));
        cases.push({ label: `${reserved} in ${at}`, text: r, path: [...path, reserved] });
      }
      if (i % 3 === 0 && (path[0] !== 'actors' || path.length > 1)) {
        cases.push({
          label: `--set ${reserved} in ${at}`,
          text,
          sets: [`${[...path, reserved].join('.')}=1`],
          path: [...path, reserved],
        });
      }
    });
    // A scenario's own safeguard is a patch: its paths and values are as hostile as --set.
    for (const change of [
      'actors.*.ai.domains.999999999=air',
      'actors.*.ai.domains.1e9=air',
      'actors.*.ai.domains.-1=air',
      'ladder.trackRateMultiplier.99999=1',
      'human.__proto__.polluted=1',
      'actors.*.constructor.prototype.polluted=1',
      'actors.*.label=&a [*a]',
      'actors.*.label="\\e[31m"',
    ]) {
      const t = mutate(text, (d) =>
        d.setIn(['safeguards', 'zz-evil'], { description: 'd', set: [change] }),
      );
      cases.push({
        label: `safeguard ${change} in ${name}`,
        text: t,
        path: ['safeguards', 'zz-evil'],
      });
    }
    for (const required of [['name'], ['horizonDays'], ['actors']]) {
      const t = mutate(text, (d) => d.deleteIn(required));
      cases.push({ label: `missing ${name}:${required.join('.')}`, text: t, path: required });
    }
    keyLines(text).forEach(({ line, indent, key, block }, i) => {
      if (i % 3 === 0) {
        const dup = insertAfter(text, line, `${indent}${key}: 1`);
        cases.push({ label: `duplicate ${name}:${line + 1}:${key}`, text: dup });
      }
      if (block && i % 3 === 1) {
        const lines = text.split('\n');
        lines[line] = `${lines[line].replace(/\s*#.*$/, '')} &loop`;
        const looped = insertAfter(lines.join('\n'), line, `${indent}  zz_loop: *loop`);
        cases.push({ label: `alias loop at ${name}:${line + 1}:${key}`, text: looped });
      }
    });
    // Raw control characters and NUL in the text, at a few places.
    for (const at of [0, 0.25, 0.5, 0.75]) {
      const offset = Math.floor(text.length * at);
      for (const control of ['\u0000', '\u001b', '\u0085', '\u007f']) {
        const t = text.slice(0, offset) + control + text.slice(offset);
        cases.push({
          label: `raw U+${control.charCodeAt(0).toString(16)} at ${name}:${offset}`,
          text: t,
        });
      }
    }
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const n of [33, 40, 200, 5000]) {
      cases.push({
        label: `${n} levels under name in ${name}`,
        text: mutate(text, (d) => d.set('name', 'x')).replace(/^name: x$/m, `name: ${deep(n)}`),
        path: ['name'],
      });
    }
    for (const actor of actors) {
      const ai = ['actors', actor, 'ai', 'domains'];
      const current = doc.getIn(ai);
      const length = isSeq(current) ? current.items.length : 0;
      for (const index of [
        length + 1,
        length + 5,
        1000,
        999_999_999,
        123_456_789_012_345,
        '1234567890123456',
        '-1',
        '1e9',
        '0x10',
        ' 5',
      ]) {
        cases.push({
          label: `--set ${name} ${ai.join('.')}.${index}`,
          text,
          sets: [`${ai.join('.')}.${index}=air`],
          path: ai,
        });
      }
      const huge = Array.from({ length: 1001 }, () => 'air');
      cases.push({
        label: `1001 domains in ${name}:${actor}`,
        text: mutate(text, (d) => d.setIn(ai, huge)),
        path: ai,
      });
      for (const value of ['&a [*a]', '&a {b: *a}', '&a [[[*a]]]', '"\\e[2J"', '*nope']) {
        cases.push({
          label: `--set label=${value} in ${name}`,
          text,
          sets: [`actors.${actor}.label=${value}`],
          path: ['actors', actor, 'label'],
        });
      }
      cases.push({
        label: `--set new actor in ${name}`,
        text,
        sets: [`actors.zz${actor}.label=x`],
        path: ['actors', `zz${actor}`],
      });
    }
    const laughs = [
      'a: &a [1,1,1,1,1,1,1,1,1,1]',
      ...'bcdefgh'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    cases.push({ label: `billion laughs in ${name}`, text: `${text}\n${laughs}\n` });
    cases.push({
      label: `too many keys in ${name}`,
      text: text + Array.from({ length: 10_001 }, (_, i) => `zz${i}: ${i}`).join('\n'),
    });
    cases.push({ label: `overlong key in ${name}`, text: `${text}\n${'k'.repeat(5000)}: 1\n` });
    for (const set of [
      '=1',
      'horizonDays',
      'a..b=1',
      '.x=1',
      'horizonDays.x=1',
      `${'a.'.repeat(40)}b=1`,
      'name=[unclosed',
      `name=${'x'.repeat(100_000)}`,
    ]) {
      cases.push({ label: `--set ${set.slice(0, 30)} in ${name}`, text, sets: [set] });
    }
  }
  return cases;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The issues say where (a path or a line), briefly, and print nothing that drives a terminal. */
function expectRefusal(issues: readonly Issue[], label: string, path?: Path): void {
  expect(issues.length, label).toBeGreaterThan(0);
  expect(issues.length, label).toBeLessThanOrEqual(101);
  for (const issue of issues) {
    const text = formatIssue(issue);
    expect(
      issue.path !== '' || issue.line !== undefined || issue.source?.startsWith('--set'),
      `${label}: ${text}`,
    ).toBe(true);
    expect(text.length, `${label}: ${text.slice(0, 200)}`).toBeLessThan(600);
    expect(CONTROL.test(text), `${label}: ${JSON.stringify(text)}`).toBe(false);
  }
  if (path !== undefined) {
    const wanted = path.join('.');
    const named = issues.some(
      (i) => i.path !== '' && (wanted.startsWith(i.path) || i.path.startsWith(wanted)),
    );
    expect(named, `${label}: ${issues.map(formatIssue).join(' | ')}`).toBe(true);
  }
}

describe('hostile scenario files and --set, in-process', () => {
  const cases = scenarioCases();

  it('generates several hundred cases', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it('refuses every one, saying where', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const c of cases) {
      const result = loadScenarioText(c.text, { source: 'hostile.yaml', sets: c.sets });
      expect(result.ok, c.label).toBe(false);
      if (!result.ok) expectRefusal(result.issues, c.label, c.path);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 300_000);
});

describe('hostile files', () => {
  it('refuses NUL, invalid UTF-8, oversize files and what is not a regular file, saying where', () => {
    const write = (name: string, data: string | Buffer) => {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    };
    const text = BUNDLED[0].text;
    const files = [
      write('nul.yaml', text.replace('name:', 'na\u0000me:')),
      write(
        'latin1.yaml',
        Buffer.concat([Buffer.from(text), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]),
      ),
      write('truncated.yaml', Buffer.concat([Buffer.from(text), Buffer.from([0xe2, 0x82])])),
      write('overlong.yaml', Buffer.concat([Buffer.from('name: '), Buffer.from([0xc0, 0xaf])])),
      write('big.yaml', `${text}\n# ${'x'.repeat(1024 * 1024)}\n`),
      dir,
      '/dev/zero',
      '/dev/null',
      join(dir, 'missing.yaml'),
    ];
    for (const file of files) {
      const result = loadScenarioFile(file);
      expect(result.ok, file).toBe(false);
      if (!result.ok) {
        expect(result.issues[0].source, file).toBe(file);
        expect(formatIssue(result.issues[0]).length).toBeLessThan(600);
      }
    }
    const nul = loadScenarioFile(files[0]);
    expect(!nul.ok && nul.issues[0]).toMatchObject({ line: 6, column: 3 });
    const latin1 = loadScenarioFile(files[1]);
    expect(!latin1.ok && latin1.issues[0].message).toContain('not valid UTF-8');
    expect(!latin1.ok && latin1.issues[0].line).toBe(text.split('\n').length);
  });
});

describe('hostile flags', () => {
  const A = 'scenarios/analytic-single-sensor.yaml';
  const flagCases: [string[], string][] = [
    [['run', A, '--seed', ''], '--seed'],
    [['run', A, '--seed', '-1'], '--seed'],
    [['run', A, '--seed', '1.5'], '--seed'],
    [['run', A, '--seed', '0x10'], '--seed'],
    [['run', A, '--seed', '1e400'], '--seed'],
    [['run', A, '--runs', '0x10'], '--runs'],
    [['run', A, '--runs', ''], '--runs'],
    [['run', A, '--runs', ' 5'], '--runs'],
    [['run', A, '--runs', '5 '], '--runs'],
    [['run', A, '--runs', '10k'], '--runs'],
    [['run', A, '--runs', '1e10'], '--runs'],
    [['run', A, '--runs', 'Infinity'], '--runs'],
    [['run', A, '--runs', 'NaN'], '--runs'],
    [['run', A, '--runs', '0'], '--runs'],
    [['run', A, '--runs', '+5'], '--runs'],
    [['run', A, '--runs', '0b11'], '--runs'],
    [['run', A, '--runs', '1_'], '--runs'],
    [['run', A, '--runs', '9'.repeat(100_000)], '--runs'],
    [['run', A, '--target-rel-error', '0x1'], '--target-rel-error'],
    [['run', A, '--target-rel-error', ''], '--target-rel-error'],
    [['run', A, '--target-rel-error', '1'], '--target-rel-error'],
    [['run', A, '--chunk-size', 'abc'], '--chunk-size'],
    [['run', A, '--workers', '0'], '--workers'],
    [['run', A, '--workers', '100000'], '--workers'],
    [['run', A, '--max-events', '0'], '--max-events'],
    [['run', A, '--examples', '-3'], '--examples'],
    [['run', A, '--shard', '5/2', '--out', join(dir, 'p.json')], '--shard'],
    [['run', A, '--shard', '0/1000000000', '--out', join(dir, 'p.json')], '--shard'],
    [['run', A, '--shard', '0/20000', '--runs', '100', '--out', join(dir, 'p.json')], '--shard'],
    [['run', A, '--shard', '0/2', '--out', join(dir, 'missing-dir', 'p.json')], '--out'],
    [['run', A, '--shard', '0/2', '--out', dir], '--out'],
    [['run', A, '--method', 'is', '--tilt', '/dev/zero'], '/dev/zero'],
    [['trace', A, '--trial', '-1'], '--trial'],
    [['trace', A, '--trial', '1e2x'], '--trial'],
    [['trace', A, '--trial', '0', '--max-trace-events', '0'], '--max-trace-events'],
    [['runs', 'list', '--limit', '0x5'], '--limit'],
    [['validate', A, '--set', 'actors.solo.ai.domains.999999999=air'], 'actors.solo.ai.domains'],
    [['validate', A, '--set', 'actors.solo.__proto__.x=1'], 'actors.solo.__proto__'],
    [['validate', A, '--set', 'horizonDays=&a [*a]'], 'horizonDays'],
    [['validate', A, '--set', `name=${'\u001b[31m'}x`], '--set'],
    [['validate', '/dev/zero'], '/dev/zero'],
    [['merge', '/dev/zero'], '/dev/zero'],
  ];

  it('exits 2 on each, naming the flag or the file, without a stack', async () => {
    for (const [args, named] of flagCases) {
      const result = await cli(...args);
      const label = args.join(' ').slice(0, 120);
      expect(result.code, `${label}: ${result.err.slice(0, 300)}`).toBe(2);
      expect(result.err, label).toContain(named);
      expect(result.err, label).not.toContain('    at ');
      expect(result.err.length, label).toBeLessThan(2000);
    }
  }, 60_000);
});

describe('forged part and tilt files', () => {
  it('refuses every edit of a part, naming the file and the field', async () => {
    const loaded = loadScenarioText(BUNDLED[0].text);
    if (!loaded.ok) throw new Error('bundled scenario invalid');
    const options = { runs: 2000, seed: 3, chunkSize: 500, shard: { index: 1, count: 2 } };
    const part = toPartFile(loaded.value, await simulatePart(loaded.value, options), options);
    const good = JSON.stringify(part);
    expect(parsePart('p.json', good).ok).toBe(true);
    const edits: [string, (p: Record<string, unknown>) => void][] = [];
    const walk = (value: unknown, path: Path) => {
      if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
          walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
        if (!Array.isArray(value))
          edits.push([`${path.join('.')}.zz`, (p) => setAt(p, [...path, 'zz'], 1)]);
        return;
      }
      const at = path.join('.');
      edits.push([`${at}=string`, (p) => setAt(p, path, 'x')]);
      edits.push([`${at}=null`, (p) => setAt(p, path, null)]);
      edits.push([`${at} deleted`, (p) => setAt(p, path, undefined)]);
      if (typeof value === 'number') {
        edits.push([`${at}=-1`, (p) => setAt(p, path, -1)]);
        edits.push([`${at}+1`, (p) => setAt(p, path, value + 1)]);
        edits.push([`${at}=1e9`, (p) => setAt(p, path, 1e9)]);
      }
    };
    walk(part, []);
    edits.push(['stats=null', (p) => (p.stats = null)]);
    edits.push(['shard deleted', (p) => delete p.shard]);
    edits.push(['[]', () => undefined]);
    expect(edits.length).toBeGreaterThan(100);
    for (const [label, edit] of edits) {
      const forged = JSON.parse(good) as Record<string, unknown>;
      edit(forged);
      const text = label === '[]' ? '[]' : JSON.stringify(forged);
      const result = parsePart('forged.json', text);
      expect(result.ok, label).toBe(false);
      if (!result.ok) {
        expect(result.issues[0].source).toBe('forged.json');
        if (label !== '[]') expect(result.issues[0].path, label).not.toBe('');
      }
    }
  });

  it("refuses an edited part with a good checksum when its counts are not its shard's", async () => {
    const loaded = loadScenarioText(BUNDLED[0].text);
    if (!loaded.ok) throw new Error('bundled scenario invalid');
    const options = { runs: 2000, seed: 3, chunkSize: 500, shard: { index: 1, count: 2 } };
    const part = toPartFile(loaded.value, await simulatePart(loaded.value, options), options);
    const { checksum: _, ...fields } = { ...part, runs: 4000 };
    const file = join(dir, 'p1.json');
    writeFileSync(file, JSON.stringify({ ...fields, checksum: partChecksum(fields) }));
    const zero = join(dir, 'p0.json');
    const other = { ...part, runs: 4000, shard: { index: 0, count: 2 } };
    writeFileSync(zero, JSON.stringify({ ...other, checksum: partChecksum(other) }));
    const result = await cli('merge', zero, file);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `${file}: stats.trials: 1000 trials, but shard 1/2 of 4000 runs owns 2000`,
    );
  });

  it('refuses tilt files that are not {rates, probabilities}, naming the file', () => {
    for (const text of [
      '[]',
      '5',
      'null',
      '"x"',
      '{"rates": []}',
      '{"rates": {"a": "x"}}',
      '{"extra": 1}',
      '{"probabilities": 5}',
      '{',
    ]) {
      const result = parseTiltSpec('tilt.json', text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.issues[0].source).toBe('tilt.json');
    }
  });
});

describe('hostile input to a real process', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/petrov.mjs', ...args], { encoding: 'utf8', timeout: 20_000 });

  it('exits 2 quickly on a FIFO, /dev/zero and a --set index of a billion', () => {
    const fifo = join(dir, 'fifo.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    const targets = made.status === 0 ? [fifo, '/dev/zero'] : ['/dev/zero'];
    for (const target of targets) {
      const result = run('validate', target);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain('not a regular file');
    }
    const index = run(
      'validate',
      'scenarios/analytic-single-sensor.yaml',
      '--set',
      'actors.solo.ai.domains.999999999=air',
    );
    expect(index.status, index.stderr).toBe(2);
    expect(index.stderr).toContain('index 999999999 is beyond the end of actors.solo.ai.domains');
  }, 60_000);
});

function setAt(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}
