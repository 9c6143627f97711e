import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './io.ts';

const SHOW_AFTER_MS = 1000;

/**
 * A progress bar on stderr that appears only for work lasting over a second and only on a
 * terminal, so piped and JSON output stay clean.
 */
export function progressReporter(io: CliIo, label: string) {
  const started = performance.now();
  let bar: SingleBar | undefined;
  return {
    update(p: {
      done: number;
      planned: number;
      nuclearUse?: number;
      relErr?: number | null;
    }): void {
      if (!io.errIsTty) return;
      if (!bar && performance.now() - started < SHOW_AFTER_MS) return;
      const detail =
        p.nuclearUse === undefined
          ? ''
          : ` | uses ${p.nuclearUse} | rel. err ${p.relErr == null ? '–' : `${(100 * p.relErr).toFixed(1)}%`}`;
      if (!bar) {
        bar = new SingleBar(
          {
            stream: process.stderr,
            format: `${label} [{bar}] {percentage}% | {value}/{total} trials{detail} | eta {eta_formatted}`,
            hideCursor: true,
            clearOnComplete: true,
          },
          Presets.shades_classic,
        );
        bar.start(p.planned, p.done, { detail });
      }
      bar.update(p.done, { detail });
    },
    stop(): void {
      bar?.stop();
    },
  };
}
