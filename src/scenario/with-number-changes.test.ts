import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../util/index.ts';
import { loadScenarioFile } from './load-file.ts';
import type { Change } from './patch.ts';
import { scenarioSchema } from './schema.ts';
import { uncertainParameters } from './uncertain-parameters.ts';
import { withChanges } from './with-changes.ts';
import { JOINTLY_CHECKED, withNumberChanges } from './with-number-changes.ts';

const scenario = (name: string) => {
  const loaded = loadScenarioFile(
    fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url)),
  );
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  return loaded.value;
};

/** Paths of every schema node that carries a cross-field refinement (zod's custom checks). */
function refinedPaths(node: z.core.$ZodType, path: string[], seen: Set<unknown>): string[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const def = node._zod.def;
  const inner = (def as unknown as { innerType?: z.core.$ZodType }).innerType;
  const here = (def.checks ?? []).some((c) => c._zod.def.check === 'custom')
    ? [path.join('.')]
    : [];
  const children: [string | null, z.core.$ZodType][] = [];
  if (def.type === 'object') {
    for (const [k, v] of Object.entries((def as unknown as z.core.$ZodObjectDef).shape))
      children.push([k, v]);
  } else if (def.type === 'record')
    children.push(['*', (def as unknown as z.core.$ZodRecordDef).valueType]);
  else if (def.type === 'array')
    children.push(['0', (def as unknown as z.core.$ZodArrayDef).element]);
  else if (def.type === 'tuple') {
    (def as unknown as z.core.$ZodTupleDef).items.forEach((item, i) =>
      children.push([String(i), item]),
    );
  } else if (def.type === 'union') {
    for (const option of (def as unknown as z.core.$ZodUnionDef).options)
      children.push([null, option]);
  } else if (inner !== undefined) children.push([null, inner]);
  return [
    ...here,
    ...children.flatMap(([k, v]) => refinedPaths(v, k === null ? path : [...path, k], seen)),
  ];
}

describe('withNumberChanges, the fast path for parameter sets', () => {
  for (const name of ['korean-peninsula-2026', 'korean-peninsula-2026-capability']) {
    it(`gives exactly the fully validated scenario for every declared parameter of ${name}`, () => {
      const loaded = scenario(name);
      const parameters = uncertainParameters(loaded.scenario);
      let fast = 0;
      for (const u of [0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999]) {
        const changes: Change[] = parameters.map((p, i) => ({
          path: p.path,
          value: p.quantile((u + i * 0.618) % 1),
        }));
        const full = withChanges(loaded, changes, 'set');
        if (!full.ok) throw new Error(full.issues.map(formatIssue).join('\n'));
        const quick = withNumberChanges(loaded.scenario, changes);
        if (quick !== null) fast++;
        expect(quick ?? full.value.scenario).toEqual(full.value.scenario);
        if (quick !== null) expect(Object.isFrozen(quick.actors)).toBe(true);
      }
      // The bench's scenario must actually take the fast path (or it would measure nothing).
      if (name === 'korean-peninsula-2026') expect(fast).toBe(7);
    });
  }

  it('leaves a value outside its field to full validation, which names the field', () => {
    const loaded = scenario('korean-peninsula-2026');
    const [p] = uncertainParameters(loaded.scenario);
    const changes = [{ path: p.path, value: 1e9 }];
    expect(withNumberChanges(loaded.scenario, changes)).toBeNull();
    const full = withChanges(loaded, changes, 'parameter set');
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.issues[0].path).toBe(p.path.join('.'));
    // Nor does it take a text, a missing path or a change of shape.
    expect(withNumberChanges(loaded.scenario, [{ path: p.path, value: '0.5' }])).toBeNull();
    expect(withNumberChanges(loaded.scenario, [{ path: ['nope'], value: 1 }])).toBeNull();
    expect(withNumberChanges(loaded.scenario, [{ path: ['actors'], value: 1 }])).toBeNull();
  });

  it('shares unchanged groups with the base and never mutates it', () => {
    const loaded = scenario('korean-peninsula-2026');
    const before = JSON.stringify(loaded.scenario);
    const changed = withNumberChanges(loaded.scenario, [{ path: ['horizonDays'], value: 12 }]);
    expect(changed?.horizonDays).toBe(12);
    expect(changed?.actors).toBe(loaded.scenario.actors);
    expect(JSON.stringify(loaded.scenario)).toBe(before);
  });

  it('skips every group the schema checks as a whole (a new refinement must be listed)', () => {
    const refined = refinedPaths(scenarioSchema, [], new Set());
    const outside = refined.filter(
      (path) =>
        path !== 'actors' && path !== '' && !path.split('.').some((s) => JOINTLY_CHECKED.has(s)),
    );
    // The actors record checks only how many actors there are, which no number changes; the root
    // checks a declared strike against the horizon (disarmingStrike is jointly checked, and a
    // horizon change takes the full path when a strike has a day).
    expect(refined).toContain('actors');
    expect(refined).toContain('');
    expect(outside).toEqual([]);
  });

  it('leaves a horizon to full validation when a strike is declared on a day', () => {
    const loaded = scenario('korean-peninsula-2026');
    const struck = withChanges(
      loaded,
      [{ path: ['actors', 'north', 'disarmingStrike', 'atDay'], value: 20 }],
      'set',
    );
    if (!struck.ok) throw new Error(struck.issues.map(formatIssue).join('\n'));
    const shorter = [{ path: ['horizonDays'], value: 10 }];
    expect(withNumberChanges(struck.value.scenario, shorter)).toBeNull();
    const full = withChanges(struck.value, shorter, 'set');
    expect(!full.ok && full.issues[0].path).toBe('actors.north.disarmingStrike.atDay');
    expect(withNumberChanges(loaded.scenario, shorter)).not.toBeNull();
  });
});
