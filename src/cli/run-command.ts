import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CHUNK_SIZE,
  DEFAULT_MAX_RUNS,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  InputError,
  runTable,
  simulate,
  simulatePart,
  toPartFile,
  type Progress,
  type AgentChoice,
  type Shard,
  VERSION,
} from '../index.ts';
import {
  addMaxEventsOption,
  checkStopFlags,
  checkWritable,
  collect,
  shardArgument,
  workersFor,
  WORKERS_HELP,
  fraction,
  integer,
  loadForCommand,
  SAFEGUARD_HELP,
  SET_HELP,
} from './arguments.ts';
import { Exit, type CliIo } from './io.ts';
import { addMethodOptions, methodOptions, type MethodFlags } from './method-flags.ts';
import { stoppableByCtrlC } from './interrupt.ts';
import { progressReporter } from './progress.ts';
import { addFormatOptions, outputFormat, rendered, type FormatFlags } from './output-format.ts';
import { runText } from './run-text.ts';
import { warnNoEffect } from './warnings.ts';
import type { NewRun } from '../store/index.ts';
import { label, LABEL_HELP } from './label-flag.ts';
import { AGENT_HELP, agentFlag, withAgentSets } from './agent-flag.ts';
import { DB_HELP, NO_STORE_HELP, recorded, type StoreFlags } from './store-flags.ts';

interface RunFlags extends StoreFlags, MethodFlags, FormatFlags {
  label?: string;
  agent?: Record<string, AgentChoice>;
  runs: number;
  seed: number;
  set?: string[];
  safeguard?: string[];
  targetRelError?: number;
  maxRuns: number;
  examples: number;
  workers?: number;
  chunkSize: number;
  shard?: Shard;
  out?: string;
  maxEvents: number;
}

export function registerRun(
  program: Command,
  io: CliIo,
  /** Sets the exit code (130 when Ctrl-C stopped the work). */
  setExit: (code: number) => void,
): void {
  const command = program
    .command('run')
    .summary('estimate the probability of nuclear use, its causes and its interval')
    .description(
      'Run independent crises (trials) of a scenario and estimate the probability of inadvertent ' +
        'nuclear use, by cause, with standard errors and Wilson 95% intervals, plus the highest rung ' +
        'reached and the counts that explain the result. Same seed, same numbers.',
    )
    .argument('<file>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of trials', integer(1, 1e9), DEFAULT_RUNS)
    .option(
      '-s, --seed <s>',
      'random seed (trial i of seed s always draws the same numbers)',
      integer(0),
      DEFAULT_SEED,
    )
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .option('--agent <side=kind>', AGENT_HELP, agentFlag)
    .option(
      '--target-rel-error <r>',
      'run until the relative error of P(nuclear use) is at most r (0 < r < 1)',
      fraction,
    )
    .option(
      '--max-runs <n>',
      'cap on trials with --target-rel-error',
      integer(1, 1e10),
      DEFAULT_MAX_RUNS,
    )
    .option(
      '--examples <n>',
      'trials ending in nuclear use to list for `petrov trace`',
      integer(0, 1000),
      5,
    )
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option(
      '--chunk-size <n>',
      'trials per chunk of work (results do not depend on it)',
      integer(100, 1e8),
      CHUNK_SIZE,
    )
    .option(
      '--shard <i/N>',
      'run only shard i of N (chunks i, i+N, ...) and write it with --out',
      shardArgument,
    )
    .option('--out <file>', 'with --shard: the part file to write, for `petrov merge`')
    .option('--label <text>', LABEL_HELP, label)
    .option('--db <file>', DB_HELP)
    .option('--no-store', NO_STORE_HELP);
  addMaxEventsOption(addMethodOptions(addFormatOptions(command)))
    .addHelpText(
      'after',
      `
Examples:
  petrov run scenarios/korean-peninsula-2026.yaml
  petrov run scenarios/analytic-single-sensor.yaml --set actors.solo.human.catchProbability=0.99999 --method is
  petrov run scenarios/korean-peninsula-2026.yaml --safeguard human-in-the-loop --method auto --target-rel-error 0.05
  petrov run scenarios/korean-peninsula-2026.yaml --runs 100000 --seed 7
  petrov run scenarios/korean-peninsula-2026-scripted.yaml --agent north=doctrine
  petrov run scenarios/korean-peninsula-2026.yaml --set actors.north.authority.mode=human_in_the_loop
  petrov run scenarios/analytic-single-sensor.yaml --target-rel-error 0.02 --max-runs 2000000
  petrov run scenarios/korean-peninsula-2026.yaml --json > result.json
  petrov run scenarios/korean-peninsula-2026.yaml --format csv > estimates.csv
  petrov run scenarios/korean-peninsula-2026.yaml --runs 1000000 --workers 8
  petrov run scenarios/korean-peninsula-2026.yaml --runs 1000000 --shard 0/3 --out part-0.json`,
    )
    .action(async (file: string, flags: RunFlags, command: Command) => {
      checkStopFlags(command, flags.targetRelError);
      checkShardFlags(flags);
      if (flags.out !== undefined) checkWritable(flags.out, '--out');
      const format = outputFormat(flags);
      const sets = withAgentSets(file, flags.set, flags.agent);
      const loaded = loadForCommand(file, sets, flags.safeguard);
      warnNoEffect(io, file, loaded.text);
      const progress = progressReporter(io, 'run');
      const options = {
        runs: flags.runs,
        seed: flags.seed,
        targetRelError: flags.targetRelError,
        maxRuns: flags.maxRuns,
        examples: flags.examples,
        chunkSize: flags.chunkSize,
        maxEvents: flags.maxEvents,
        workers: workersFor(
          flags.workers,
          flags.targetRelError === undefined ? flags.runs : flags.maxRuns,
          flags.chunkSize,
        ),
        onProgress: (p: Progress) => progress.update(p),
        ...methodOptions(flags, loaded, io),
      };
      if (flags.shard && flags.out) {
        const part = await simulatePart(loaded, { ...options, shard: flags.shard });
        progress.stop();
        const partFile = toPartFile(loaded, part, { ...options, shard: flags.shard });
        try {
          writeFileSync(flags.out, `${JSON.stringify(partFile)}\n`);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new InputError([{ path: '--out', message: `cannot write ${flags.out}: ${code}` }]);
        }
        io.err(
          `wrote ${flags.out}: shard ${flags.shard.index}/${flags.shard.count}, ${part.stats.trials} trials\n`,
        );
        return;
      }
      const record = runRecord(file, loaded, { ...flags, set: sets }, options.workers);
      const { result, note, storeFailed } = await stoppableByCtrlC(io, (signal) =>
        recorded(io, flags, record, () => simulate(loaded, { ...options, signal })),
      );
      progress.stop();
      io.out(
        rendered(
          format,
          result,
          () => runText(result, file),
          () => runTable(result),
        ),
      );
      io.err(note);
      // Ctrl-C's 130 wins: the user asked to stop, and the store failure is on stderr already.
      if (result.stoppedBy === 'aborted') setExit(Exit.interrupted);
      else if (storeFailed) setExit(Exit.input);
    });
}

/** What the run store keeps about a run: enough to show it and replay any of its trials. */
function runRecord(
  file: string,
  loaded: ReturnType<typeof loadForCommand>,
  flags: RunFlags,
  workers: number,
): NewRun {
  const target = flags.targetRelError;
  return {
    kind: 'run',
    scenarioName: loaded.scenario.name,
    scenarioHash: loaded.hash,
    scenarioText: loaded.text,
    options: {
      ...(flags.label === undefined ? {} : { label: flags.label }),
      source: resolve(file),
      sets: flags.set ?? [],
      safeguards: flags.safeguard ?? [],
      runs: target === undefined ? flags.runs : null,
      targetRelError: target ?? null,
      maxRuns: target === undefined ? null : flags.maxRuns,
      workers,
      method: flags.method,
      chunkSize: flags.chunkSize,
      examples: flags.examples,
    },
    seed: flags.seed,
    version: VERSION,
  };
}

/** A shard is written to a part file, never printed: both flags or neither, and no target. */
function checkShardFlags(flags: RunFlags): void {
  const problem =
    flags.shard && !flags.out
      ? { path: '--shard', message: 'needs --out FILE: a shard is a part to merge, not a result' }
      : flags.out && !flags.shard
        ? { path: '--out', message: 'only applies with --shard i/N' }
        : flags.shard && flags.shard.count > flags.runs
          ? {
              path: '--shard',
              message: `${flags.shard.count} shards for ${flags.runs} runs: at most one per trial`,
            }
          : flags.shard && flags.targetRelError !== undefined
            ? { path: '--shard', message: 'cannot stop at a target: shard a fixed --runs' }
            : flags.shard && flags.method !== 'plain'
              ? {
                  path: '--shard',
                  message: 'shards run plain Monte Carlo only (not yet --method is|auto)',
                }
              : undefined;
  if (problem) throw new InputError([problem]);
}
