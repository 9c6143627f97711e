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
  /** The run waits for a free slot: `position` 1 starts next; 0 says it has just started. */
  | { readonly type: 'queued'; readonly data: { readonly position: number } }
  | { readonly type: 'end'; readonly data: { readonly status: RunStatus } };

/** The work of a run: simulate or compare, stopping on the signal, reporting every chunk. */
export type RunWork = (
  signal: AbortSignal,
  onProgress: (progress: Progress) => void,
) => Promise<StoredResult>;

interface ActiveRun {
  readonly controller: AbortController;
  /** Set while the run waits in the queue: what starts it, and the place last streamed. */
  launch: (() => void) | null;
  place: number;
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
    /** Runs that may wait for a slot beyond `limit` (429 past them). Default 50. */
    private readonly maxQueued = 50,
  ) {}

  /** Runs waiting for a slot, first to start first. */
  private readonly queue: string[] = [];

  /**
   * Records the run and starts it in the background, or, while `limit` runs are in progress, queues
   * it (its stream says its place); 429 only when `maxQueued` already wait. Progress is streamed
   * every `progressStep` trials (0: every chunk), and always before the end.
   */
  start(run: NewRun, work: RunWork, progressStep = 0): string {
    if (this.running() >= this.limit && this.queue.length >= this.maxQueued) {
      throw new ApiError(429, 'too many runs waiting', [
        {
          path: '',
          message: `${this.limit} at once and ${this.maxQueued} waiting: wait for one to end, or cancel one`,
        },
      ]);
    }
    const id = this.store.start(run);
    const entry: ActiveRun = {
      controller: new AbortController(),
      launch: null,
      place: 0,
      last: null,
      sent: null,
      history: [],
      listeners: new Set(),
    };
    this.active.set(id, entry);
    const launch = () => {
      const waited = entry.launch !== null;
      entry.launch = null;
      if (waited) this.emit(entry, { type: 'queued', data: { position: 0 } });
      this.launch(id, entry, work, progressStep);
    };
    if (this.running() > this.limit) {
      entry.launch = launch;
      this.queue.push(id);
      entry.place = this.queue.length;
      this.emit(entry, { type: 'queued', data: { position: entry.place } });
    } else launch();
    return id;
  }

  /** Runs started and not yet ended (the queued ones wait outside the limit). */
  private running(): number {
    return this.active.size - this.queue.length;
  }

  /** Where a run waits in the queue (1: next), or null when it is not queued. */
  queuePosition(id: string): number | null {
    const i = this.queue.indexOf(id);
    return i < 0 ? null : i + 1;
  }

  /** Starts queued runs while slots are free, and tells those still waiting their new place. */
  private dequeue(): void {
    while (this.queue.length > 0 && this.running() < this.limit) {
      const id = this.queue.shift() as string;
      this.active.get(id)?.launch?.();
    }
    this.queue.forEach((id, i) => {
      const entry = this.active.get(id);
      if (entry === undefined || entry.place === i + 1) return;
      entry.place = i + 1;
      this.emit(entry, { type: 'queued', data: { position: entry.place } });
    });
  }

  private launch(id: string, entry: ActiveRun, work: RunWork, progressStep: number): void {
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
        this.dequeue();
      },
    );
    this.pending.add(settled);
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

  /**
   * Asks a run to stop at its next chunk boundary; false if it is not running here. A queued run
   * never starts: it ends `cancelled` at once, with no trials and no result.
   */
  cancel(id: string): boolean {
    const entry = this.active.get(id);
    if (entry === undefined) return false;
    const i = this.queue.indexOf(id);
    if (i < 0) {
      entry.controller.abort();
      return true;
    }
    this.queue.splice(i, 1);
    this.endUnstarted(id, entry);
    this.dequeue();
    return true;
  }

  /** A queued run that will never start: recorded cancelled, its stream ended. */
  private endUnstarted(id: string, entry: ActiveRun): void {
    entry.launch = null;
    this.active.delete(id);
    this.tryWrite(id, 'its cancellation', () => this.store.cancelUnstarted(id));
    this.emit(entry, { type: 'end', data: { status: 'cancelled' } });
  }

  /**
   * Calls `listener` with the progress streamed so far (or the latest, before any was streamed)
   * at once, then with every event up to `end`; undefined if the run is not in progress here.
   * Returns the unsubscribe function.
   */
  subscribe(id: string, listener: (event: RunEvent) => void): (() => void) | undefined {
    const entry = this.active.get(id);
    if (entry === undefined) return undefined;
    const position = this.queuePosition(id);
    if (position !== null) listener({ type: 'queued', data: { position } });
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
    // Queued runs never start: each is recorded cancelled.
    for (const id of this.queue.splice(0)) {
      const entry = this.active.get(id);
      if (entry !== undefined) this.endUnstarted(id, entry);
    }
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
