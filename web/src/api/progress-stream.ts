import { api } from './client.ts';
import type { ProgressSample, RunStatus } from './types.ts';

export interface ProgressHandlers {
  readonly onProgress: (sample: ProgressSample) => void;
  readonly onEnd: (status: RunStatus) => void;
  /** The run waits for a free slot on the server: `position` 1 starts next. */
  readonly onQueued?: (position: number) => void;
}

/** Follows a run's server-sent events until `end`; returns a function that stops listening. */
export function followProgress(id: string, handlers: ProgressHandlers): () => void {
  const source = new EventSource(api.eventsUrl(id));
  source.addEventListener('progress', (event) => {
    handlers.onProgress(JSON.parse((event as MessageEvent<string>).data) as ProgressSample);
  });
  source.addEventListener('queued', (event) => {
    const { position } = JSON.parse((event as MessageEvent<string>).data) as { position: number };
    handlers.onQueued?.(position);
  });
  source.addEventListener('end', (event) => {
    // Close first: EventSource would otherwise reconnect when the server ends the stream.
    source.close();
    const { status } = JSON.parse((event as MessageEvent<string>).data) as { status: RunStatus };
    handlers.onEnd(status);
  });
  return () => source.close();
}
