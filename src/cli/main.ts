import { Command, CommanderError } from 'commander';
import { excerpt, formatIssue, InputError, isModelLimit, VERSION } from '../index.ts';
import { StoreError } from '../store/index.ts';
import { Exit, processIo, type CliIo } from './io.ts';
import { registerCalibrate } from './calibrate-command.ts';
import { registerAgents } from './agents-command.ts';
import { registerCapability } from './capability-command.ts';
import { registerCompare } from './compare-command.ts';
import { registerGame } from './game-command.ts';
import { registerInit } from './init-command.ts';
import { registerMerge } from './merge-command.ts';
import { registerPathways } from './pathways-command.ts';
import { registerReport } from './report-command.ts';
import { registerResolve } from './resolve-command.ts';
import { registerRun } from './run-command.ts';
import { registerRuns } from './runs-command.ts';
import { registerSchema } from './schema-command.ts';
import { registerSensitivity } from './sensitivity-command.ts';
import { registerTrace } from './trace-command.ts';
import { registerUncertainty } from './uncertainty-command.ts';
import { registerValidate } from './validate-command.ts';

/** Adds a command from outside the CLI (`petrov serve` comes from src/server, which no one imports). */
export type CommandPlugin = (program: Command, io: CliIo) => void;

/** Builds the `petrov` program; tests drive it with an in-memory io. */
export function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  plugins: readonly CommandPlugin[] = [],
): Command {
  // Commander quotes a bad argument whole: cut each line of its errors short, controls escaped.
  const output = {
    writeOut: io.out,
    writeErr: io.err,
    outputError: (text: string, write: (text: string) => void) =>
      write(
        text
          .split('\n')
          .map((line) => excerpt(line, 300))
          .join('\n'),
      ),
  };
  const program = new Command('petrov')
    .version(VERSION)
    .description(
      'Petrov: how likely is inadvertent nuclear use when AI enters military and nuclear command and ' +
        'control, through which causal path, and how sure are we. Every probability comes with its interval.',
    )
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  petrov init my-crisis.yaml
  petrov run scenarios/korean-peninsula-2026.yaml
  petrov compare scenarios/korean-peninsula-2026.yaml --all --combine
  petrov pathways scenarios/korean-peninsula-2026.yaml
  petrov sensitivity scenarios/korean-peninsula-2026.yaml
  petrov uncertainty scenarios/korean-peninsula-2026.yaml --safeguard hotline
  petrov calibrate scenarios/us-early-warning-1977-1984.yaml --data data/us-warning-1977-1984.yaml
  petrov game scenarios/korean-peninsula-2026.yaml
  petrov trace scenarios/korean-peninsula-2026.yaml --trial 42
  petrov agents policy scenarios/korean-peninsula-2026.yaml --actor north --model llama3.2 --record north.jsonl
  petrov validate scenarios/*.yaml
  petrov schema > petrov.schema.json
  petrov capability scenarios/korean-peninsula-2026-capability.yaml
  petrov runs list
  petrov report 12 --out run-12.html
  petrov serve

Exit codes: 0 ok, 1 runtime error, 2 invalid input, 130 stopped by Ctrl-C (run and compare print
and store what they had done). The scenario field reference is docs/scenario-reference.md.`,
    );
  registerRun(program, io, setExit);
  registerCompare(program, io, setExit);
  registerPathways(program, io);
  registerSensitivity(program, io);
  registerUncertainty(program, io);
  registerCalibrate(program, io);
  registerGame(program, io, setExit);
  registerTrace(program, io);
  registerAgents(program, io);
  registerMerge(program, io);
  registerValidate(program, io, setExit);
  registerInit(program, io);
  registerResolve(program, io);
  registerReport(program, io);
  registerSchema(program, io);
  registerCapability(program, io);
  registerRuns(program, io);
  for (const plugin of plugins) plugin(program, io);
  // Subcommands (runs list, ...) too: commander must never exit the process behind main's back.
  const configure = (parent: Command): void => {
    for (const command of parent.commands) {
      command.exitOverride().configureOutput(output);
      configure(command);
    }
  };
  configure(program);
  return program;
}

/** Runs the CLI and returns its exit code; never lets a stack trace reach the user for bad input. */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo,
  plugins: readonly CommandPlugin[] = [],
): Promise<number> {
  let code: number = Exit.ok;
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    plugins,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help';
      return ok ? Exit.ok : Exit.input;
    }
    if (error instanceof Error && isModelLimit(error)) {
      io.err(`petrov: ${error.message}\n`);
      return Exit.input;
    }
    if (error instanceof StoreError) {
      io.err(`petrov: ${error.message}\n`);
      return Exit.input;
    }
    if (error instanceof InputError) {
      for (const issue of error.issues) io.err(`${formatIssue(issue)}\n`);
      return Exit.input;
    }
    io.err(`petrov: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return Exit.runtime;
  }
}
