import type { Command } from 'commander';
import {
  CHUNK_SIZE,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  pathways,
  pathwaysTable,
  type PathwaysResult,
} from '../index.ts';
import {
  collect,
  integer,
  loadForCommand,
  SAFEGUARD_HELP,
  SET_HELP,
  workersFor,
  WORKERS_HELP,
} from './arguments.ts';
import { estimateCells, estimateValues, formatInteger, probabilityFormat } from './format.ts';
import { probabilityTable } from './probability-table.ts';
import type { CliIo } from './io.ts';
import { addFormatOptions, outputFormat, rendered, type FormatFlags } from './output-format.ts';
import { progressReporter } from './progress.ts';
import { warnNoEffect } from './warnings.ts';

interface PathwaysFlags extends FormatFlags {
  runs: number;
  seed: number;
  set?: string[];
  safeguard?: string[];
  top: number;
  workers?: number;
}

export function registerPathways(program: Command, io: CliIo): void {
  const command = program
    .command('pathways')
    .summary('share of the risk by cause and by the chain of mechanisms behind it')
    .description(
      'Run the scenario and, for every trial that ends in nuclear use, follow the causal chain back ' +
        'to its originating event: which track, how it was labelled, how the decision went, how ' +
        'each side moved. Groups identical chains and reports the most frequent with their share ' +
        'of the risk and an example trial to trace.',
    )
    .argument('<file>', 'scenario YAML file')
    .option('-n, --runs <n>', 'number of trials', integer(1, 1e9), DEFAULT_RUNS)
    .option('-s, --seed <s>', 'random seed', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .option('--top <n>', 'how many pathways to list', integer(1, 1000), 10)
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256));
  addFormatOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  petrov pathways scenarios/korean-peninsula-2026.yaml --runs 50000
  petrov pathways scenarios/korean-peninsula-2026.yaml --safeguard human-in-the-loop:north --top 5
  petrov pathways scenarios/korean-peninsula-2026.yaml --runs 200000 --workers 4
  petrov pathways scenarios/korean-peninsula-2026.yaml --json
  petrov pathways scenarios/korean-peninsula-2026.yaml --format csv > pathways.csv`,
    )
    .action(async (file: string, flags: PathwaysFlags) => {
      const format = outputFormat(flags);
      const loaded = loadForCommand(file, flags.set, flags.safeguard);
      warnNoEffect(io, file, loaded.text);
      const progress = progressReporter(io, 'pathways');
      const result = await pathways(loaded, {
        runs: flags.runs,
        seed: flags.seed,
        top: flags.top,
        workers: workersFor(flags.workers, flags.runs, CHUNK_SIZE),
        onProgress: (done, planned) => progress.update({ done, planned }),
      });
      progress.stop();
      io.out(
        rendered(
          format,
          result,
          () => pathwaysText(result, file, flags),
          () => pathwaysTable(result),
        ),
      );
    });
}

function pathwaysText(result: PathwaysResult, file: string, flags: PathwaysFlags): string {
  const uses = Math.round(result.nuclearUse.p * result.runs);
  const lines = [
    `Petrov ${result.version} — pathways: ${result.scenario.name}`,
    `${formatInteger(result.runs)} trials, seed ${result.seed}; ${formatInteger(uses)} ended in nuclear use`,
    '',
    ...probabilityTable('P per crisis', 'Wilson', [
      ['  nuclear use (any cause)', result.nuclearUse],
      ...(result.unansweredAttack
        ? [['  genuine attack unanswered', result.unansweredAttack] as const]
        : []),
    ]),
    '',
    ...probabilityTable(
      'Share of the risk by cause',
      'Wilson',
      Object.entries(result.shareByCause).map(([cause, e]) => [
        `  ${cause.replaceAll('_', ' ')}`,
        e,
      ]),
    ),
    '',
    `Most frequent pathways (${formatInteger(result.distinctPaths)} distinct)`,
  ];
  const safeguards = (flags.safeguard ?? []).map((s) => ` --safeguard ${s}`).join('');
  const sets = (flags.set ?? []).map((s) => ` --set ${s}`).join('');
  const share = probabilityFormat(result.pathways.flatMap((p) => estimateValues(p.share)));
  const perCrisis = probabilityFormat(
    result.pathways.flatMap((p) => estimateValues(p.probability)),
  );
  const cells = (e: Parameters<typeof estimateValues>[0], f: (x: number) => string) => {
    const [p, se, ci, rel] = estimateCells(e, f);
    return `${p} ${se}  95% CI ${ci}  rel. error ${rel}`;
  };
  result.pathways.forEach((p, i) => {
    lines.push('');
    lines.push(`${String(i + 1).padStart(3)}. share of risk ${cells(p.share, share)}`);
    lines.push(`     P per crisis  ${cells(p.probability, perCrisis)}`);
    lines.push(`     ${p.path}`);
    lines.push(
      `     e.g. petrov trace ${file} --seed ${result.seed} --trial ${p.exampleTrial}${safeguards}${sets}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
