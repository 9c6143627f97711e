import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError, parseWholeNumber } from '../index.ts';
import { parseHost } from './host-guard.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseOrigin } from './origin-guard.ts';
import { DEFAULT_MAX_LLM_CALLS, serverLlm } from './server-llm.ts';

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
  maxQueued: number;
  maxEvents: number;
  maxTraceEvents: number;
  allowHost: string[];
  allowOrigin: string[];
  token?: string;
  llmUrl?: string;
  llmModel?: string;
  llmRecord?: string;
  llmReplay?: string;
  maxLlmCalls: number;
}

function httpUrl(value: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(value)) {
    throw new InvalidArgumentError(`expected an http:// or https:// URL, got '${value}'`);
  }
  return value;
}

/** The model runs may call, from the flags; only whoever starts the server chooses it. */
function llmOf(flags: ServeFlags) {
  const given = [flags.llmUrl, flags.llmModel, flags.llmRecord, flags.llmReplay];
  if (given.every((x) => x === undefined)) return undefined;
  const issues = [];
  if (flags.llmModel === undefined) {
    issues.push({ path: '--llm-model', message: 'required with any other --llm option' });
  }
  if (flags.llmUrl === undefined) {
    issues.push({ path: '--llm-url', message: 'required with any other --llm option' });
  }
  if (flags.llmRecord !== undefined && flags.llmReplay !== undefined) {
    issues.push({
      path: '--llm-record',
      message: 'conflicts with --llm-replay (which calls no one)',
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return serverLlm({
    url: flags.llmUrl as string,
    model: flags.llmModel as string,
    record: flags.llmRecord,
    replay: flags.llmReplay,
    maxCalls: flags.maxLlmCalls,
  });
}

/** Shortest token accepted from --token or PETROV_TOKEN: guessing must stay out of reach. */
const MIN_TOKEN = 16;

function allowHost(value: string, previous: string[]): string[] {
  if (parseHost(value) === undefined) {
    throw new InvalidArgumentError(`expected a host name or name:port, got '${value}'`);
  }
  return [...previous, value];
}

function allowOrigin(value: string, previous: string[]): string[] {
  const origin = parseOrigin(value.replace(/\/$/, ''));
  if (origin === undefined) {
    throw new InvalidArgumentError(
      `expected an origin such as https://example.org:8443, got '${value}'`,
    );
  }
  return [...previous, origin];
}

function token(value: string): string {
  if (value.length < MIN_TOKEN || /[\s#&]/.test(value)) {
    throw new InvalidArgumentError(
      `expected at least ${MIN_TOKEN} characters without spaces, '#' or '&'`,
    );
  }
  return value;
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
        '(`petrov runs list` shows them). Binds to 127.0.0.1 unless told otherwise. Only requests ' +
        'for a loopback name (or --allow-host) and from its own pages (or --allow-origin) are ' +
        'answered, and changes need JSON bodies, so other web pages cannot drive it. Bound beyond ' +
        'loopback it requires an access token, printed at start in the URL to open. Stop with ' +
        'Ctrl-C: runs in progress are cancelled and stored as such.',
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
      'runs and comparisons in progress at once; more wait in a queue',
      whole(1, 64),
      DEFAULT_LIMITS.concurrentRuns,
    )
    .option(
      '--max-queued <n>',
      'runs that may wait for a slot, each told its place',
      whole(0, 10_000),
      DEFAULT_LIMITS.queuedRuns,
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
    .option(
      '--allow-host <name>',
      'also accept this Host (name, any port, or name:port; repeatable) (default: loopback names, and the --host address)',
      allowHost,
      [],
    )
    .option(
      '--allow-origin <origin>',
      "also accept requests from pages of this origin, e.g. https://petrov.example.org (repeatable) (default: only the server's own)",
      allowOrigin,
      [],
    )
    .option(
      '--token <token>',
      'require this access token on every API request (default: $PETROV_TOKEN; else none on loopback, a random one beyond it)',
      token,
    )
    .option(
      '--llm-url <url>',
      'OpenAI-compatible base URL of the language model runs may put in a side’s chair; key from $PETROV_LLM_API_KEY (default: none, such runs are refused)',
      httpUrl,
    )
    .option('--llm-model <name>', 'model name the --llm-url endpoint knows')
    .option(
      '--llm-record <file>',
      'write every model request and reply to this JSONL recording, a new file (an existing one is refused)',
    )
    .option(
      '--llm-replay <file>',
      'answer model calls from this recording, never the network; a missing request fails the run',
    )
    .option(
      '--max-llm-calls <n>',
      'most model calls (retries included) one run may make; past it the run fails',
      whole(1, 1e7),
      DEFAULT_MAX_LLM_CALLS,
    )
    .addHelpText(
      'after',
      `
Examples:
  petrov serve                       then open http://127.0.0.1:8080/
  petrov serve --port 9000 --db ./workshop.db
  petrov serve --host 0.0.0.0        a workshop on a LAN: open the #token= URL it prints
  petrov serve --host 0.0.0.0 --allow-host petrov.lan --token "$(openssl rand -hex 24)"
  petrov serve --llm-url http://127.0.0.1:11434/v1 --llm-model llama3.2
                                     the run form can then give a side to the model
  curl -s localhost:8080/api/scenarios
  curl -s -X POST localhost:8080/api/runs -H 'content-type: application/json' \\
    -d '{"kind":"run","scenario":{"name":"korean-peninsula-2026"},"runs":20000}'

The web app is built by \`npm install\` (or \`npm run build:web\`); until then / says how.
Request limits: bodies up to 1 MiB (413), --max-trials (422), --max-concurrent runs at once
with --max-queued waiting behind them (429 beyond), --max-events and --max-trace-events (422),
--max-llm-calls per run with a language-model side. A request never names a model endpoint:
only these flags do (docs/api.md, docs/llm-agents.md).`,
    )
    .action(async (flags: ServeFlags) => {
      const fromEnv = process.env.PETROV_TOKEN;
      const given = flags.token ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
      if (flags.token === undefined && given !== undefined) {
        try {
          token(given);
        } catch (error) {
          throw new InputError([{ path: 'PETROV_TOKEN', message: (error as Error).message }]);
        }
      }
      const llm = llmOf(flags);
      const { startServer } = await import('./start-server.ts');
      await startServer({
        allowHosts: flags.allowHost,
        allowOrigins: flags.allowOrigin,
        token: given,
        host: flags.host,
        port: flags.port,
        db: flags.db,
        workers: flags.workers,
        limits: {
          trialsPerRequest: flags.maxTrials,
          concurrentRuns: flags.maxConcurrent,
          queuedRuns: flags.maxQueued,
          eventsPerTrial: flags.maxEvents,
          traceEvents: flags.maxTraceEvents,
        },
        log: io.err,
        llm,
      });
    });
}
