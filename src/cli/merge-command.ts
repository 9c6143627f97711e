import type { Command } from 'commander';
import { mergeParts, parsePart, readInputFile, type Result, type RunPartFile } from '../index.ts';
import { integer, orThrow } from './arguments.ts';
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
      const parts = files.map((file) => ({ file, part: orThrow(readPart(file)) }));
      const merged = orThrow(mergeParts(parts, flags.examples));
      const scenarioFile = '<scenario file>';
      io.out(flags.json ? `${JSON.stringify(merged, null, 2)}\n` : runText(merged, scenarioFile));
    });
}

/** Part files are a few kilobytes: a larger one is not a part. */
const MAX_PART_BYTES = 1024 * 1024;

function readPart(file: string): Result<RunPartFile> {
  const text = readInputFile(file, MAX_PART_BYTES, 'part');
  return text.ok ? parsePart(file, text.value) : text;
}
