import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, mergeParts, type RunPartFile } from '../index.ts';
import { integer } from './arguments.ts';
import type { CliIo } from './io.ts';
import { runText } from './run-text.ts';

export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .summary('merge shard part files into the result of the whole run')
    .description(
      'Merge the part files written by `petrov run --shard i/N --out FILE` into exactly the result ' +
        'the unsharded run would give. Refuses parts of different runs (version, scenario hash, ' +
        'seed, runs, chunking) and missing or repeated shards, exiting 2 with what does not match.',
    )
    .argument('<parts...>', 'part files, one per shard')
    .option('--examples <n>', 'trials ending in nuclear use to list', integer(0, 1000), 5)
    .option('--json', 'print one JSON document instead of the table')
    .addHelpText(
      'after',
      `
Examples:
  petrov run scenarios/korean-peninsula-2026.yaml --runs 300000 --shard 0/3 --out part-0.json
  petrov run scenarios/korean-peninsula-2026.yaml --runs 300000 --shard 1/3 --out part-1.json
  petrov run scenarios/korean-peninsula-2026.yaml --runs 300000 --shard 2/3 --out part-2.json
  petrov merge part-*.json --json > result.json
(docs/scale.md shows the same on a Slurm cluster and on Kubernetes.)`,
    )
    .action((files: string[], flags: { examples: number; json?: boolean }) => {
      const parts = files.map((file) => ({ file, part: readPart(file) }));
      const merged = mergeParts(parts, flags.examples);
      if (!merged.ok) {
        throw new InputError(merged.problems.map((message) => ({ path: '', message })));
      }
      const scenarioFile = '<scenario file>';
      io.out(
        flags.json
          ? `${JSON.stringify(merged.value, null, 2)}\n`
          : runText(merged.value, scenarioFile),
      );
    });
}

function readPart(file: string): RunPartFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunPartFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? 'not valid JSON');
    throw new InputError([{ path: '', source: file, message: `cannot read part: ${why}` }]);
  }
}
