import type { CliIo } from './io.ts';

/**
 * Runs `work` with an abort signal that the first Ctrl-C (SIGINT) fires: the run stops after the
 * chunks in flight and reports, and stores as `cancelled`, what it has done. A second Ctrl-C quits
 * at once (exit 130, as a shell expects of an interrupt).
 */
export async function stoppableByCtrlC<R>(
  io: CliIo,
  work: (signal: AbortSignal) => Promise<R>,
): Promise<R> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    io.err('\npetrov: stopping after the trials in progress (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
