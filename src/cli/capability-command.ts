import type { Command } from 'commander';
import { loadScenarioFile, scenarioCapability, VERSION } from '../index.ts';
import { collect, orThrow, SET_HELP } from './arguments.ts';
import { capabilityText } from './capability-text.ts';
import type { CliIo } from './io.ts';

interface CapabilityFlags {
  set?: string[];
  json?: boolean;
}

export function registerCapability(program: Command, io: CliIo): void {
  program
    .command('capability')
    .summary('show how accelerators, power and training data set each AI’s error rates (M6)')
    .description(
      'For every AI component, show what its training block implies (M6): accelerators requested ' +
        'and usable under the power cap, which of the two binds, training compute, effective data, ' +
        'and per domain the false-positive and false-negative rates and the over-confidence the ' +
        'simulation uses. AIs whose rates are given directly are listed with those rates. In --json, ' +
        'an infinite error term (no compute or no data) is null.',
    )
    .argument('<file>', 'scenario YAML file')
    .option('--set <path=value>', SET_HELP, collect)
    .option('--json', 'print one JSON document instead of the tables')
    .addHelpText(
      'after',
      `
Examples:
  petrov capability scenarios/korean-peninsula-2026-capability.yaml
  petrov capability scenarios/korean-peninsula-2026-capability.yaml \\
    --set actors.north.ai.training.power.availableMW=5
  petrov capability scenarios/korean-peninsula-2026-capability.yaml --json > capability.json`,
    )
    .action((file: string, flags: CapabilityFlags) => {
      const loaded = orThrow(loadScenarioFile(file, flags.set));
      const actors = scenarioCapability(loaded.scenario);
      const scenario = { name: loaded.scenario.name, hash: loaded.hash };
      io.out(
        flags.json
          ? `${JSON.stringify({ version: VERSION, scenario, actors }, null, 2)}\n`
          : capabilityText(actors, scenario, VERSION),
      );
    });
}
