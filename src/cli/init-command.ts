import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, STARTER_SCENARIO } from '../index.ts';
import type { CliIo } from './io.ts';

/** The file `petrov init` writes when it is given none. */
const DEFAULT_FILE = 'scenario.yaml';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .summary('write a commented starter scenario to edit')
    .description(
      'Write a minimal two-actor scenario, every field commented, that validates and runs as it is: ' +
        'a place to start your own. Never overwrites a file.',
    )
    .argument('[file]', `where to write it (default ${DEFAULT_FILE})`, DEFAULT_FILE)
    .addHelpText(
      'after',
      `
Examples:
  petrov init
  petrov init my-crisis.yaml && petrov run my-crisis.yaml
  petrov schema > petrov.schema.json   # editors then complete fields (the file's first line)`,
    )
    .action((file: string) => {
      try {
        writeFileSync(file, STARTER_SCENARIO, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'EEXIST' ? 'already exists: not overwritten' : `cannot write: ${code}`;
        throw new InputError([{ path: '', source: file, message: why }]);
      }
      io.out(
        `wrote ${file}: a two-actor scenario to edit\n` +
          `next: petrov validate ${file} && petrov run ${file}\n` +
          `for completion in your editor: petrov schema > petrov.schema.json\n`,
      );
    });
}
