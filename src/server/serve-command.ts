import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { parseWholeNumber } from '../index.ts';
import { DEFAULT_LIMITS } from './limits.ts';

/** Where `petrov serve` writes; the CLI's io fits. */
export interface ServeIo {
  readonly err: (text: string) => void;
}

interface ServeFlags {
  host: string;
  port: number;
  db?: string;
  workers: number;
  maxTrials: number;
  maxConcurrent: number;
  maxEvents: number;
  maxTraceEvents: number;
}

function whole(min: number, max: number) {
  return (value: string): number => {
    const parsed = parseWholeNumber(value, min, max);
    if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
    return parsed.value;
  };
}

/**
 * Adds `petrov serve` to the CLI program. Registered by bin/petrov.mjs, since the CLI never
 * imports the server; the server itself (hono) loads only when the command runs.
 */
export function registerServe(program: Command, io: ServeIo): void {
  program
    .command('serve')
    .summary('serve the web app and the HTTP API (docs/api.md) on localhost')
    .description(
      'Serve the web app at / and the HTTP API under /api: pick or edit a scenario, run it and ' +
        'watch it converge, compare safeguards, read a trace. Runs are recorded in the run store ' +
        '(`petrov runs list` shows them). Binds to 127.0.0.1 unless told otherwise; there is no ' +
        'authentication, so only bind to another address on a network you trust. Stop with Ctrl-C: ' +
        'runs in progress are cancelled and stored as such.',
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', whole(0, 65535), 8080)
    .option('--db <file>', 'run store file (default as for `petrov run`: see `petrov runs --help`)')
    .option(
      '-w, --workers <n>',
      'worker threads, kept for all runs (results do not depend on it; at most 4 per core)',
      whole(1, Math.min(256, 4 * availableParallelism())),
      1,
    )
    .option(
      '--max-trials <n>',
      'most trials per arm one request may ask for',
      whole(1, 1e10),
      DEFAULT_LIMITS.trialsPerRequest,
    )
    .option(
      '--max-concurrent <n>',
      'runs and comparisons in progress at once',
      whole(1, 64),
      DEFAULT_LIMITS.concurrentRuns,
    )
    .option(
      '--max-events <n>',
      'most events one trial may handle; a scenario expected to need more is refused',
      whole(1, 1e9),
      DEFAULT_LIMITS.eventsPerTrial,
    )
    .option(
      '--max-trace-events <n>',
      'most events one trace may record',
      whole(1, 1e8),
      DEFAULT_LIMITS.traceEvents,
    )
    .addHelpText(
      'after',
      `
Examples:
  petrov serve                       then open http://127.0.0.1:8080/
  petrov serve --port 9000 --db ./workshop.db
  petrov serve --host 0.0.0.0        a workshop on a trusted LAN (no authentication!)
  curl -s localhost:8080/api/scenarios
  curl -s -X POST localhost:8080/api/runs -H 'content-type: application/json' \\
    -d '{"kind":"run","scenario":{"name":"korean-peninsula-2026"},"runs":20000}'

The web app is built by \`npm install\` (or \`npm run build:web\`); until then / says how.
Request limits: bodies up to 1 MiB (413), --max-trials (422), --max-concurrent (429),
--max-events and --max-trace-events (422).`,
    )
    .action(async (flags: ServeFlags) => {
      const { startServer } = await import('./start-server.ts');
      await startServer({
        host: flags.host,
        port: flags.port,
        db: flags.db,
        workers: flags.workers,
        limits: {
          trialsPerRequest: flags.maxTrials,
          concurrentRuns: flags.maxConcurrent,
          eventsPerTrial: flags.maxEvents,
          traceEvents: flags.maxTraceEvents,
        },
        log: io.err,
      });
    });
}
