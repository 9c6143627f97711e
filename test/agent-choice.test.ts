/** `--agent SIDE=KIND` on `petrov run`: the same per-side choice the run request's `agents` makes. */
import { describe, expect, it } from 'vitest';
import { agentChoicesOf } from '../src/index.ts';
import { cli } from './helpers/cli.ts';
import { loadBundled } from './helpers/scenario.ts';

const KOREA = 'scenarios/korean-peninsula-2026.yaml';
const SCRIPTED = 'scenarios/korean-peninsula-2026-scripted.yaml';
const RUN = ['-n', '3000', '--no-store', '--json'];

const outcomes = (out: string) => (JSON.parse(out) as { outcomes: unknown }).outcomes;

describe('petrov run --agent', () => {
  it('gives a scripted side back to the doctrine, as the patcher’s actors.<id>.agent would', async () => {
    const scripted = await cli('run', SCRIPTED, ...RUN);
    const chosen = await cli('run', SCRIPTED, '--agent', 'north=doctrine', ...RUN);
    const set = await cli('run', SCRIPTED, '--set', 'actors.north.agent={type: doctrine}', ...RUN);
    expect(chosen.code, chosen.err).toBe(0);
    expect(outcomes(chosen.out)).toEqual(outcomes(set.out));
    expect(outcomes(chosen.out)).not.toEqual(outcomes(scripted.out));
    // The side's own table kept: choosing scripted where it is declared changes nothing.
    const kept = await cli('run', SCRIPTED, '--agent', 'north=scripted', ...RUN);
    expect(outcomes(kept.out)).toEqual(outcomes(scripted.out));
  });

  it('names the side when a choice cannot be had, and refuses a model inside the Monte Carlo', async () => {
    const scripted = await cli('run', KOREA, '--agent', 'north=scripted', ...RUN);
    expect(scripted.code).not.toBe(0);
    expect(scripted.err).toContain('--agent.north: the scenario gives north no scripted table');
    const llm = await cli('run', KOREA, '--agent', 'north=llm', ...RUN);
    expect(llm.code).not.toBe(0);
    expect(llm.err).toContain('--agent.north');
    expect(llm.err).toContain('petrov agents policy');
    const unknown = await cli('run', KOREA, '--agent', 'east=doctrine', ...RUN);
    expect(unknown.err).toContain('--agent.east: no actor east');
    const bad = await cli('run', KOREA, '--agent', 'north', ...RUN);
    expect(bad.err).toContain('expected SIDE=KIND');
  });

  it('offers scripted only where the scenario has a table, and the model only where one is set', () => {
    const { scenario } = loadBundled('korean-peninsula-2026-scripted.yaml');
    expect(agentChoicesOf(scenario, false)).toEqual({
      north: ['doctrine', 'scripted'],
      south: ['doctrine', 'scripted'],
    });
    // The Korean baseline states the South's answer to a nuclear use as a scripted table.
    expect(agentChoicesOf(loadBundled('korean-peninsula-2026.yaml').scenario, true)).toEqual({
      north: ['doctrine', 'llm'],
      south: ['doctrine', 'scripted', 'llm'],
    });
  });
});
