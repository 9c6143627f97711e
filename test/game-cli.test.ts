/** `petrov game` through the program object: text, JSON, CSV, help and bad input. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GameResult } from '../src/index.ts';
import { cli } from './helpers/cli.ts';
import { csvRecords } from './helpers/csv.ts';

const FILE = fileURLToPath(new URL('../scenarios/analytic-game.yaml', import.meta.url));
const SMALL = ['-n', '500', '--resamples', '50'];

describe('petrov game', () => {
  it('prints the profiles, the equilibria and the agreement', async () => {
    const { code, out } = await cli('game', FILE, ...SMALL);
    expect(code).toBe(0);
    expect(out).toContain('a (first) × b (second): 4 profiles, 500 trials each');
    expect(out).toMatch(/cautious {2}cautious .* \* \d+%/);
    expect(out).toContain('mixed  a: 0.');
    expect(out).toContain('Pareto improvement: a cautious, b cautious');
    expect(out).toContain('Agreement: a cautious, b cautious');
  });

  it('--json gives the whole result, --format csv one row per profile with the same numbers', async () => {
    const json = JSON.parse((await cli('game', FILE, ...SMALL, '--json')).out) as GameResult;
    expect(json.profiles).toHaveLength(4);
    expect(json.equilibria.map((e) => e.kind)).toEqual(['pure', 'pure', 'mixed']);
    const csv = csvRecords((await cli('game', FILE, ...SMALL, '--format', 'csv')).out);
    expect(csv).toHaveLength(4);
    expect(csv[0].a_strategy).toBe('cautious');
    expect(Number(csv[3].b_payoff)).toBe(json.profiles[3].payoffs[1].estimate);
    expect(Number(csv[0].accidental_use)).toBe(json.profiles[0].outcomes.accidentalUse.p);
  });

  it('--set reaches the game block, and a bad weight is refused naming the field', async () => {
    const json = JSON.parse(
      (await cli('game', FILE, ...SMALL, '--json', '--set', 'game.weights.a.generalWar=3')).out,
    ) as GameResult;
    expect(json.weights[0].generalWar).toBe(3);
    const bad = await cli('game', FILE, '--set', 'game.weights.a.generalWar=-3');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('game.weights.a.generalWar');
  });

  it('--chart writes the agreement chart as a standalone SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'petrov-game-'));
    try {
      const file = join(dir, 'agreement.svg');
      const sets = ['--set', 'game.agreement.a=ready', '--set', 'game.weights.a.accidentalUse=0.5'];
      const { code } = await cli('game', FILE, ...SMALL, ...sets, '--chart', file);
      expect(code).toBe(0);
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      // One cell per (verification, penalty) point of the 21 × 21 grid, and the threshold curve.
      expect(svg.match(/<rect /g)?.length).toBeGreaterThanOrEqual(21 * 21);
      expect(svg).toContain('restraint: a ready, b cautious');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same numbers on worker threads', async () => {
    const strip = (out: string) => out.replace(/"seconds": [\d.e-]+/, '');
    const here = await cli('game', FILE, '-n', '1000', '--resamples', '20', '--json');
    const off = await cli('game', FILE, '-n', '1000', '--resamples', '20', '--json', '-w', '2');
    expect(strip(off.out)).toBe(strip(here.out));
  });

  it('refuses parameter sets for a scenario without uncertainty, naming the flag', async () => {
    const { code, err } = await cli('game', FILE, ...SMALL, '--parameter-sets', '3');
    expect(code).toBe(2);
    expect(err).toContain('--parameter-sets');
    expect(err).toContain('declares no uncertain parameters');
    // Off by default there: the CSV's parameter columns are empty, the JSON's field null.
    const csv = csvRecords((await cli('game', FILE, ...SMALL, '--format', 'csv')).out);
    expect(csv[0].parameter_equilibrium_probability).toBeNull();
    const json = JSON.parse((await cli('game', FILE, ...SMALL, '--json')).out) as GameResult;
    expect(json.parameterUncertainty).toBeNull();
  });

  it('teaches in --help', async () => {
    const { out } = await cli('game', '--help');
    expect(out).toContain('How to read it');
    expect(out).toMatch(/--runs <n>[\s\S]*default:\s+2000/);
    expect(out).toMatch(/--parameter-sets <n>[\s\S]*\(0 turns it off\)[\s\S]*default:\s+20/);
  });
});
