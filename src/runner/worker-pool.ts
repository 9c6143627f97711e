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
  /** An error the pool reported between tasks: the next `run` rejects with it. */
  private failure: Error | undefined = undefined;

  constructor(readonly threads: number) {}

  run(task: ChunkTask): Promise<unknown> {
    const failure = this.failure;
    if (failure !== undefined) {
      this.failure = undefined;
      return Promise.reject(failure);
    }
    this.pool ??= this.start();
    return this.pool.run(task) as Promise<unknown>;
  }

  private start(): Piscina {
    const pool = new Piscina({
      filename: WORKER,
      minThreads: this.threads,
      maxThreads: this.threads,
    });
    // Piscina reports a result for a task it no longer holds as an 'error' event, which with no
    // listener would crash the process. After `close` that is a chunk finishing while its pool is
    // destroyed, which nobody awaits; before, it is kept for the next run to report.
    pool.on('error', (e: unknown) => {
      if (pool !== this.pool) return;
      this.failure = e instanceof Error ? e : new Error(String(e));
    });
    return pool;
  }

  /** Stops the threads; a later `run` starts new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
