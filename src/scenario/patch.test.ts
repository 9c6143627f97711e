import { describe, expect, it } from 'vitest';
import { parseChange, parsePath, setPath } from './patch.ts';

describe('the scenario patcher', () => {
  it('parses paths and YAML values', () => {
    expect(parsePath('a.0.b')).toEqual(['a', 0, 'b']);
    expect(parsePath('a..b')).toBe('empty path segment');
    expect(parseChange('a.b=[1, 2]')).toEqual({ path: ['a', 'b'], value: [1, 2] });
    expect(parseChange('=1')).toBe('expected path=value');
  });

  it('sets values, creates groups, counts existing segments and never creates an actor', () => {
    const root: Record<string, unknown> = { actors: { north: { human: {} } }, list: [1, 2] };
    expect(setPath(root, ['actors', 'north', 'human', 'decisionTime', 'sigma'], 0)).toEqual({
      existing: 3,
    });
    expect(setPath(root, ['list', 1], 5)).toEqual({ existing: 2 });
    expect(root).toEqual({
      actors: { north: { human: { decisionTime: { sigma: 0 } } } },
      list: [1, 5],
    });
    expect(setPath(root, ['actors', 'west', 'label'], 'x')).toBe("no actor 'west' (actors: north)");
    expect(setPath(root, ['list', 'x'], 1)).toBe(
      "list is a list: index it by a whole number from 0 to 2, not 'x'",
    );
    expect(setPath(root, ['list', 0, 'x'], 1)).toBe('list.0 is a value, not a group of fields');
  });
});
