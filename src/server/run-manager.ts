import type { Progress } from '../index.ts';
import {
  settleRun,
  type NewRun,
  type RemoveOutcome,
  type RunDetail,
  type RunListing,
  type RunStatus,
  type RunStore,
  type RunSummaryRow,
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
  /**
   * Runs that ended here but whose end the store refused twice (the result, then `failed`), by
   * id, with why: they read `failed` from this server, never `running`, and can be deleted.
   */
  private readonly unrecorded = new Map<string, string>();

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
    const settled = this.settle(id, () => work(entry.controller.signal, onProgress)).then(
      (status) => {
        this.active.delete(id);
        this.pending.delete(settled);
        if (entry.last !== null && entry.last !== entry.sent) stream(entry.last);
        // Kept with the run, so reopening it replays how the estimate converged.
        if (entry.history.length > 0 && status !== 'unrecorded') {
          this.tryWrite(id, 'its progress', () => this.store.saveProgress(id, entry.history));
        }
        const end = status === 'unrecorded' ? 'failed' : status;
        this.emit(entry, { type: 'end', data: { status: end } });
      },
    );
    this.pending.add(settled);
    return id;
  }

  /** A stored run as this server knows it: one whose end the store refused reads `failed`. */
  get(id: string): RunDetail | undefined {
    const run = this.store.get(id);
    const why = run === undefined ? undefined : this.unrecorded.get(run.id);
    return run === undefined || why === undefined ? run : { ...run, status: 'failed', error: why };
  }

  /** The store's listing, with the runs whose end it refused reading `failed`. */
  listing(limit: number): RunListing {
    const { runs, skipped } = this.store.listing(limit);
    const failed = (row: RunSummaryRow): RunSummaryRow =>
      this.unrecorded.has(row.id) ? { ...row, status: 'failed' } : row;
    return { runs: runs.map(failed), skipped };
  }

  /** Removes a stored run unless it is in progress here (or in another process). */
  remove(id: string): RemoveOutcome {
    if (this.active.has(id)) return 'running';
    const ended = this.unrecorded.has(id);
    const outcome = this.store.remove(id, { force: ended });
    if (outcome !== 'running') this.unrecorded.delete(id);
    return outcome;
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

  /**
   * Runs the work and writes how it ended. If the store refuses the end, the run is marked
   * `failed` with why; if it refuses that too, it is kept `failed` here in memory ('unrecorded').
   */
  private async settle(
    id: string,
    work: () => Promise<StoredResult>,
  ): Promise<RunStatus | 'unrecorded'> {
    try {
      const { result, storeError, markedFailed } = await settleRun(this.store, id, work);
      if (storeError === undefined) return result.stoppedBy === 'aborted' ? 'cancelled' : 'done';
      const why = `its result could not be stored: ${storeError.message}`;
      this.log(`petrov serve: run ${id}: ${why}\n`);
      if (markedFailed === true) return 'failed';
      this.unrecorded.set(id, why);
      return 'unrecorded';
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.log(`petrov serve: run ${id} failed: ${why}\n`);
      // settleRun has tried to record the failure; if the row still reads running, remember it.
      const stored = this.tryRead(() => this.store.get(id)?.status);
      if (stored !== 'running' && stored !== undefined) return 'failed';
      this.unrecorded.set(id, why);
      return 'unrecorded';
    }
  }

  /** A write after the run that may fail without harm beyond itself: logged, never thrown. */
  private tryWrite(id: string, what: string, write: () => unknown): boolean {
    try {
      write();
      return true;
    } catch (error) {
      this.log(`petrov serve: run ${id}: could not store ${what}: ${String(error)}\n`);
      return false;
    }
  }

  private tryRead<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch {
      return undefined;
    }
  }

  private emit(entry: ActiveRun, event: RunEvent): void {
    for (const listener of entry.listeners) listener(event);
  }
}
