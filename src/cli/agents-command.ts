import type { Command } from 'commander';
import {
  checkEndpoint,
  DEFAULT_API_KEY_ENV,
  DEFAULT_SEED,
  HttpChatClient,
  LlmAgent,
  llmEpisodes,
  PolicyElicitor,
  policyRun,
  newOutputFile,
  readInputFile,
  RecordingChatClient,
  ReplayChatClient,
  withLlmSide,
  type ChatClient,
  type LlmOverrides,
} from '../index.ts';
import {
  collect,
  integer,
  loadForCommand,
  orThrow,
  SAFEGUARD_HELP,
  SET_HELP,
} from './arguments.ts';
import type { CliIo } from './io.ts';
import { episodesText, policyText } from './agents-text.ts';

/** A recording holds one line per call; far more than this is not a recording. */
const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

interface SideFlags {
  actor: string;
  model?: string;
  baseUrl?: string;
  replicates?: number;
  seed: number;
  set?: string[];
  record?: string;
  replay?: string;
  json?: boolean;
}

function addSideOptions(command: Command): Command {
  return command
    .argument('<file>', 'scenario YAML file')
    .requiredOption('--actor <id>', 'the side the model plays')
    .option('--model <name>', 'model name (overrides the scenario’s llm agent, or makes one)')
    .option(
      '--base-url <url>',
      'OpenAI-compatible base URL (default the scenario’s, else Ollama’s http://127.0.0.1:11434/v1)',
    )
    .option('-s, --seed <s>', 'seed of the run', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option(
      '--record <file>',
      'write every request and reply to this JSONL recording, a new file (an existing one is refused, never emptied)',
    )
    .option(
      '--replay <file>',
      'answer from this recording, never the network; a missing request is an error',
    )
    .option('--json', 'print the result as JSON');
}

/** The client the flags ask for: a replay, or the endpoint (recorded when asked). */
function clientFor(
  flags: SideFlags,
  baseUrl: string,
  apiKeyEnv: string,
  timeoutSeconds: number,
): ChatClient {
  if (flags.replay !== undefined) {
    const text = orThrow(readInputFile(flags.replay, MAX_RECORDING_BYTES, 'the recording'));
    return new ReplayChatClient(text, flags.replay);
  }
  const http = new HttpChatClient({ baseUrl, apiKeyEnv, timeoutSeconds });
  if (flags.record === undefined) return http;
  return new RecordingChatClient(http, orThrow(newOutputFile(flags.record, '--record')));
}

function side(file: string, flags: SideFlags) {
  const overrides: LlmOverrides = {
    model: flags.model,
    baseUrl: flags.baseUrl,
    replicates: flags.replicates,
  };
  const { loaded, config } = orThrow(
    withLlmSide(loadForCommand(file, flags.set), flags.actor, overrides),
  );
  return {
    loaded,
    config,
    client: clientFor(flags, config.baseUrl, config.apiKeyEnv, config.timeoutSeconds),
  };
}

export function registerAgents(program: Command, io: CliIo): void {
  const agents = program
    .command('agents')
    .summary('put a language model in a side’s chair (docs/llm-agents.md)')
    .description(
      'A language model behind any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server) ' +
        'decides for one side. Every call is counted by outcome; failed calls get the stated ' +
        'fallback (`onFailure`), and results bound P(use) with failures imputed both ways.',
    );

  agents
    .command('check')
    .description('one structured call to an endpoint: its outcome and latency')
    .argument('<url>', 'OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1')
    .requiredOption('--model <name>', 'model name the endpoint knows')
    .option('--api-key-env <var>', 'environment variable holding the API key', DEFAULT_API_KEY_ENV)
    .option('--timeout <seconds>', 'seconds before the call is a timeout', integer(1, 3600), 60)
    .option('--json', 'print the result as JSON')
    .action(
      async (
        url: string,
        flags: { model: string; apiKeyEnv: string; timeout: number; json?: boolean },
      ) => {
        const client = new HttpChatClient({
          baseUrl: url,
          apiKeyEnv: flags.apiKeyEnv,
          timeoutSeconds: flags.timeout,
        });
        const r = await checkEndpoint(client, flags.model);
        if (flags.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
        else {
          io.out(
            `${r.source} ${r.model}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''} in ${r.latencyMs} ms\n`,
          );
          if (r.reply) io.out(`  ${r.reply.choice}: ${r.reply.reason}\n`);
        }
      },
    );

  addSideOptions(
    agents
      .command('policy')
      .summary(
        'Monte Carlo over the model’s elicited policy (a few hundred calls for 100,000 trials)',
      )
      .description(
        'Asks the model once per situation band (with --replicates) the first time a trial meets it, ' +
          'then samples that table for every trial, so importance sampling and paired comparisons ' +
          'work. The interval carries the elicitation’s own uncertainty (a bootstrap over replicates).',
      ),
  )
    .option('-n, --runs <n>', 'trials', integer(1, 10_000_000), 10_000)
    .option(
      '--replicates <r>',
      'calls per situation (default the scenario’s, else 5)',
      integer(1, 100),
    )
    .option('--bootstrap <b>', 'bootstrap draws over the replicates', integer(0, 1000), 20)
    .option(
      '--safeguard <name>',
      `${SAFEGUARD_HELP}; compares the model with and without it`,
      collect,
    )
    .action(
      async (
        file: string,
        flags: SideFlags & { runs: number; bootstrap: number; safeguard?: string[] },
      ) => {
        const { loaded, config, client } = side(file, flags);
        const result = await policyRun(
          loaded,
          flags.actor,
          new PolicyElicitor(config, client),
          config.replicates,
          {
            runs: flags.runs,
            seed: flags.seed,
            bootstrap: flags.bootstrap,
            safeguards: flags.safeguard ?? [],
          },
        );
        io.out(
          flags.json ? `${JSON.stringify(result, null, 2)}\n` : policyText(result, config.model),
        );
      },
    );

  addSideOptions(
    agents
      .command('episode')
      .summary('trials with the model asked at every decision, its reasons shown')
      .description(
        'Episode mode: every decision point of each trial is a call; the trace shows each stated reason.',
      ),
  )
    .option('-t, --trial <i>', 'first trial', integer(0), 0)
    .option('-n, --trials <n>', 'trials to run', integer(1, 1000), 1)
    .action(async (file: string, flags: SideFlags & { trial: number; trials: number }) => {
      const { loaded, config, client } = side(file, flags);
      const result = await llmEpisodes(
        loaded,
        flags.actor,
        new LlmAgent(config, client),
        flags.seed,
        flags.trial,
        flags.trials,
      );
      io.out(
        flags.json ? `${JSON.stringify(result, null, 2)}\n` : episodesText(result, config.model),
      );
    });
}
