import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../scenario/index.ts';
import { simulate } from './simulate.ts';
import { WorkerPool } from './worker-pool.ts';

const ANALYTIC = fileURLToPath(
  new URL('../../scenarios/analytic-single-sensor.yaml', import.meta.url),
);
/** The Piscina pool inside: the test plays its 'error' event (a result for a task it lost). */
const inner = (pool: WorkerPool) => (pool as unknown as { pool: EventEmitter }).pool;

describe('WorkerPool', () => {
  const loaded = loadScenarioFile(ANALYTIC);
  if (!loaded.ok) throw new Error('bundled scenario invalid');

  it('reports an error its threads raised between tasks with the next run, and survives a late one after closing', async () => {
    const pool = new WorkerPool(1);
    const options = { runs: 1_000, seed: 3, pool, offThread: true };
    const first = await simulate(loaded.value, options);
    const piscina = inner(pool);
    piscina.emit('error', new Error('Unexpected message from Worker: {}'));
    await expect(simulate(loaded.value, options)).rejects.toThrow(/Unexpected message/);
    // Reported once: the run after that is the same run as the first.
    expect((await simulate(loaded.value, options)).outcomes).toEqual(first.outcomes);
    const current = inner(pool);
    await pool.close();
    // A chunk finishing while its pool is destroyed: nobody awaits it, and nothing crashes.
    expect(() =>
      current.emit('error', new Error('Unexpected message from Worker: {}')),
    ).not.toThrow();
  });
});
