/** `petrov capability`: tables for people, JSON for scripts, exit 2 with path and line for bad input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { ActorCapability } from '../src/index.ts';

const CAPABILITY = 'scenarios/korean-peninsula-2026-capability.yaml';
const BASELINE = 'scenarios/korean-peninsula-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'petrov-capability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTty: false,
  });
  return { code, out, err };
}

describe('petrov capability', () => {
  it('prints, per AI, requested vs usable accelerators, what binds, compute and per-domain rates', async () => {
    const r = await cli('capability', CAPABILITY);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('north — North (stylized DPRK): AI in ballistic, air, naval, land');
    expect(r.out).toContain('500 requested, 347 usable; the power binds');
    expect(r.out).toMatch(/compute {7}7\.02e22 FLOP = 347 × 312 TFLOP\/s/);
    expect(r.out).toMatch(
      /\n {2}ballistic +5% +82,875 +56% +6\.8% +20\.3% +\+0\.14 +data from elsewhere/,
    );
    expect(r.out).toContain(
      'south — South (stylized ROK–US alliance): AI in air, naval, land; rates given directly',
    );
    expect(r.out).not.toContain('NaN');
  });

  it('follows --set: more power lifts the cap until the accelerators bind', async () => {
    const r = await cli(
      'capability',
      CAPABILITY,
      '--set',
      'actors.north.ai.training.power.availableMW=5',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('500 requested, 500 usable; the accelerators bind');
  });

  it('prints one JSON document with every intermediate figure', async () => {
    const r = await cli('capability', CAPABILITY, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { scenario: { hash: string }; actors: ActorCapability[] };
    expect(json.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    const [north, south] = json.actors;
    expect(north.capability?.usable).toBe(347);
    expect(north.capability?.binding).toBe('power');
    expect(north.capability?.domains.land.effectiveSamples).toBeGreaterThan(0);
    expect(north.falsePositive.ballistic).toBe(north.capability?.domains.ballistic.falsePositive);
    expect(south.capability).toBeNull();
  });

  it('lists typed-in rates for a scenario without training', async () => {
    const r = await cli('capability', BASELINE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rates given directly in the scenario (no training block)');
    expect(r.out).toMatch(/ballistic +3\.0% +10\.0%/);
  });

  it('rejects an invalid training block with exit 2, its path and its line', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'name: bad',
        'horizonDays: 1',
        'actors:',
        '  solo:',
        '    ai:',
        '      training:',
        '        accelerators: { count: -1 }',
        '        data:',
        '          mix: { land: 0.5 }',
        '',
      ].join('\n'),
    );
    const r = await cli('capability', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split(dir).join('<tmp>')).toBe(
      [
        '<tmp>/bad.yaml:7:25: actors.solo.ai.training.accelerators.count: Too small: expected number to be >=0 (got -1)',
        '<tmp>/bad.yaml:9:11: actors.solo.ai.training.data.mix: shares must add up to 1 (they add up to 0.5)',
        '',
      ].join('\n'),
    );
  });

  it('has help with examples', async () => {
    const r = await cli('capability', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain('petrov capability scenarios/korean-peninsula-2026-capability.yaml');
  });
});
