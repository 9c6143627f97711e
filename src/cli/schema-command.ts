import type { Command } from 'commander';
import { scenarioJsonSchema } from '../index.ts';
import type { CliIo } from './io.ts';

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .summary('print the scenario JSON Schema (for editor completion)')
    .description(
      'Print the JSON Schema of scenario files. Point your editor at it for completion and checks, ' +
        'e.g. with the YAML language server: # yaml-language-server: $schema=./petrov.schema.json',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  petrov schema > petrov.schema.json\n  petrov schema | jq .properties.actors',
    )
    .action(() => {
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
