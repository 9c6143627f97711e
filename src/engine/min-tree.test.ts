import { describe, expect, it } from 'vitest';
import { Rng } from '../random/index.ts';
import { MinTree } from './min-tree.ts';

describe('MinTree', () => {
  it('tracks the earliest leaf (lowest index on ties) through random updates, as a scan does', () => {
    const g = new Rng(3, 0, 0);
    for (const leaves of [1, 2, 3, 5, 8, 13, 32]) {
      const tree = new MinTree(leaves);
      const times = new Float64Array(leaves).fill(Infinity);
      for (let step = 0; step < 4000; step++) {
        const leaf = g.nextUint32() % leaves;
        // Few distinct values, so ties are common; Infinity for a stopped process.
        const r = g.nextUint32() % 9;
        times[leaf] = r === 8 ? Infinity : r;
        tree.set(leaf, times[leaf]);
        let best = 0;
        for (let i = 1; i < leaves; i++) if (times[i] < times[best]) best = i;
        expect(tree.minValue).toBe(times[best]);
        expect(tree.minIndex).toBe(best);
      }
    }
  });
});
