import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ChunkTask } from './chunk-task.ts';

const WORKER = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

/**
 * Worker threads that run chunk tasks, started on first use (each compiles the scenarios of a task
 * once and keeps them for the next). A run makes one for itself and closes it at its end; a server
 * keeps one for all its runs, so no run waits for threads to start (about a second each).
 */
export class WorkerPool {
  private pool: Piscina | undefined = undefined;

  constructor(readonly threads: number) {}

  run(task: ChunkTask): Promise<unknown> {
    this.pool ??= new Piscina({
      filename: WORKER,
      minThreads: this.threads,
      maxThreads: this.threads,
    });
    return this.pool.run(task) as Promise<unknown>;
  }

  /** Stops the threads; a later `run` starts new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
