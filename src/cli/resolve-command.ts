import type { Command } from 'commander';
import { Document, isScalar, visit } from 'yaml';
import { collect, loadForCommand, SAFEGUARD_HELP, SET_HELP } from './arguments.ts';
import type { CliIo } from './io.ts';

export function registerResolve(program: Command, io: CliIo): void {
  program
    .command('resolve')
    .summary('print the scenario with every default filled in')
    .description(
      'Load a scenario as `run` would, with --set overrides and safeguards applied, and print it ' +
        'as YAML with every field the model uses, defaults included: what its hash identifies.',
    )
    .argument('<file>', 'scenario YAML file')
    .option('--set <path=value>', SET_HELP, collect)
    .option('--safeguard <name>', SAFEGUARD_HELP, collect)
    .addHelpText(
      'after',
      `
Examples:
  petrov resolve scenarios/analytic-single-sensor.yaml
  petrov resolve scenarios/korean-peninsula-2026.yaml --safeguard hotline > resolved.yaml`,
    )
    .action((file: string, flags: { set?: string[]; safeguard?: string[] }) => {
      const loaded = loadForCommand(file, flags.set, flags.safeguard);
      const applied = [
        ...(flags.set ?? []).map((s) => `--set ${s}`),
        ...(flags.safeguard ?? []).map((s) => `--safeguard ${s}`),
      ];
      io.out(
        `# ${file} resolved${applied.length > 0 ? ` with ${applied.join(' ')}` : ''}: every default filled in\n` +
          `# scenario hash ${loaded.hash}\n` +
          (trained(loaded.scenario)
            ? '# ai.falsePositive, ai.falseNegative and ai.confidence.wrong are computed from ai.training:\n' +
              '# delete them (or the training block) to load this file\n'
            : '') +
          resolvedYaml(loaded.scenario),
      );
    });
}

/** YAML of a resolved scenario; lists of plain values on one line, as a person writes them. */
function resolvedYaml(scenario: unknown): string {
  const doc = new Document(scenario);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100 });
}

/** Whether any AI's rates come from its training (M6), so the output holds computed fields. */
function trained(scenario: { readonly actors: Readonly<Record<string, { readonly ai: object }>> }) {
  return Object.values(scenario.actors).some(
    (a) => 'training' in a.ai && a.ai.training !== undefined,
  );
}
