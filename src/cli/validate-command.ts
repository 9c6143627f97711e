import type { Command } from 'commander';
import { loadScenarioFile, formatIssue } from '../index.ts';
import { collect, SET_HELP } from './arguments.ts';
import { Exit, type CliIo } from './io.ts';
import { warnNoEffect } from './warnings.ts';

export function registerValidate(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  program
    .command('validate')
    .summary('check scenario files and list every problem with its line')
    .description(
      'Validate scenario files against the schema. Every problem is listed, each with the field path, ' +
        'the line and column, and a terse message; fields that have no effect are warnings. Exit 0 if ' +
        'all are valid (warnings or not), 2 otherwise.',
    )
    .argument('<files...>', 'scenario YAML files')
    .option('--set <path=value>', SET_HELP, collect)
    .addHelpText(
      'after',
      `
Examples:
  petrov validate scenarios/*.yaml
  petrov validate my-crisis.yaml --set horizonDays=90`,
    )
    .action((files: string[], flags: { set?: string[] }) => {
      let bad = 0;
      for (const file of files) {
        const result = loadScenarioFile(file, flags.set);
        if (result.ok) {
          warnNoEffect(io, file, result.value.text);
          io.out(
            `${file}: ok (${result.value.scenario.name}; ${result.value.hash.slice(0, 12)})\n`,
          );
        } else {
          bad++;
          for (const issue of result.issues)
            io.err(`${formatIssue({ ...issue, source: issue.source ?? file })}\n`);
        }
      }
      if (bad > 0) {
        io.err(`${bad} of ${files.length} file(s) invalid\n`);
        setExit(Exit.input);
      }
    });
}
