import type { Progress } from '../index.ts';
import {
  settleRun,
  type NewRun,
  type RunStatus,
  type RunStore,
  type StoredResult,
} from '../store/index.ts';
import { ApiError } from './api-error.ts';

/** One `event: progress` of a run's stream: the running estimate and its 95% interval. */
export interface ProgressEvent {
  readonly done: number;
  readonly planned: number;
  readonly nuclearUse: number;
  readonly p: number;
  readonly low: number;
  readonly high: number;
  readonly relErr: number | null;
}

export type RunEvent =
  | { readonly type: 'progress'; readonly data: ProgressEvent }
  | { readonly type: 'end'; readonly data: { readonly status: RunStatus } };

/** The work of a run: simulate or compare, stopping on the signal, reporting every chunk. */
export type RunWork = (
  signal: AbortSignal,
  onProgress: (progress: Progress) => void,
) => Promise<StoredResult>;

interface ActiveRun {
  readonly controller: AbortController;
  /** The latest progress; `sent` is the latest streamed, `history` all streamed so far. */
  last: ProgressEvent | null;
  sent: ProgressEvent | null;
  readonly history: ProgressEvent[];
  readonly listeners: Set<(event: RunEvent) => void>;
}

/** The stream's form of a progress report: the runner's estimate (weighted under importance sampling). */
export function progressEvent(p: Progress): ProgressEvent {
  const [low, high] = p.estimate.ci95;
  const { done, planned, nuclearUse } = p;
  return { done, planned, nuclearUse, p: p.estimate.p, low, high, relErr: p.estimate.relErr };
}

/**
 * The runs this server process is simulating: at most `limit` at once, each recorded in the store
 * before it starts and settled there when it ends, each with listeners for its progress stream.
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: RunStore,
    private readonly limit: number,
    private readonly log: (text: string) => void,
  ) {}

  /**
   * Records the run and starts it in the background; 429 when `limit` runs are in progress.
   * Progress is streamed every `progressStep` trials (0: every chunk), and always before the end.
   */
  start(run: NewRun, work: RunWork, progressStep = 0): string {
    if (this.active.size >= this.limit) {
      throw new ApiError(429, 'too many runs in progress', [
        { path: '', message: `at most ${this.limit} at once: wait for one to end, or cancel one` },
      ]);
    }
    const id = this.store.start(run);
    const entry: ActiveRun = {
      controller: new AbortController(),
      last: null,
      sent: null,
      history: [],
      listeners: new Set(),
    };
    this.active.set(id, entry);
    const stream = (last: ProgressEvent) => {
      entry.sent = last;
      entry.history.push(last);
      this.emit(entry, { type: 'progress', data: last });
    };
    const onProgress = (p: Progress) => {
      entry.last = progressEvent(p);
      if (p.done - (entry.sent?.done ?? 0) >= progressStep) stream(entry.last);
    };
    const settled = settleRun(this.store, id, () => work(entry.controller.signal, onProgress))
      .then(
        () => undefined,
        (error: unknown) => this.log(`petrov serve: run ${id} failed: ${String(error)}\n`),
      )
      .finally(() => {
        this.active.delete(id);
        this.pending.delete(settled);
        if (entry.last !== null && entry.last !== entry.sent) stream(entry.last);
        // Kept with the run, so reopening it replays how the estimate converged.
        if (entry.history.length > 0) this.store.saveProgress(id, entry.history);
        this.emit(entry, { type: 'end', data: { status: this.store.get(id)?.status ?? 'failed' } });
      });
    this.pending.add(settled);
    return id;
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  /** Asks a run to stop at its next chunk boundary; false if it is not running here. */
  cancel(id: string): boolean {
    const entry = this.active.get(id);
    entry?.controller.abort();
    return entry !== undefined;
  }

  /**
   * Calls `listener` with the progress streamed so far (or the latest, before any was streamed)
   * at once, then with every event up to `end`; undefined if the run is not in progress here.
   * Returns the unsubscribe function.
   */
  subscribe(id: string, listener: (event: RunEvent) => void): (() => void) | undefined {
    const entry = this.active.get(id);
    if (entry === undefined) return undefined;
    for (const data of entry.history) listener({ type: 'progress', data });
    if (entry.last !== null && entry.last !== entry.sent) {
      listener({ type: 'progress', data: entry.last });
    }
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  /** Resolves once every run started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Cancels every run in progress and waits for each to be settled in the store. */
  async shutdown(): Promise<void> {
    for (const entry of this.active.values()) entry.controller.abort();
    await this.idle();
  }

  private emit(entry: ActiveRun, event: RunEvent): void {
    for (const listener of entry.listeners) listener(event);
  }
}
