import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  agreementChart,
  DEFAULT_GAME_PARAMETER_RUNS,
  DEFAULT_GAME_PARAMETER_SETS,
  DEFAULT_GAME_RUNS,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  gameTable,
  loadScenarioFile,
  InputError,
  playGame,
  renderChart,
  standaloneSvg,
  uncertainParameters,
} from '../index.ts';
import {
  checkWritable,
  collect,
  integer,
  orThrow,
  SET_HELP,
  workersFor,
  WORKERS_HELP,
} from './arguments.ts';
import { formatInteger } from './format.ts';
import { gameText } from './game-text.ts';
import { stoppableByCtrlC } from './interrupt.ts';
import { Exit, type CliIo } from './io.ts';
import { addFormatOptions, outputFormat, rendered, type FormatFlags } from './output-format.ts';
import { progressReporter } from './progress.ts';
import { warnNoEffect } from './warnings.ts';

interface GameFlags extends FormatFlags {
  runs: number;
  seed: number;
  resamples: number;
  parameterSets: number;
  parameterRuns: number;
  set?: string[];
  workers?: number;
  chart?: string;
}

// Trials per chunk of a game (the runner's unit of work), for choosing the worker count.
const GAME_CHUNK = 500;

export function registerGame(
  program: Command,
  io: CliIo,
  /** Sets the exit code (130 when Ctrl-C stopped the game). */
  setExit: (code: number) => void,
): void {
  const command = program
    .command('game')
    .summary(
      'the delegation game: payoffs of each side’s delegation, equilibria, a verified agreement',
    )
    .description(
      'Each side chooses a strategy (a named set of patches under `game.strategies`; by default the ' +
        'three delegation modes, each with pre-delegation off and on). Every profile runs on common ' +
        'random numbers; payoffs are −Σ cost × P over accidental use, general war, an unanswered ' +
        'attack and, with `game.deterrence`, the disarming strike that credibility deters. Reports ' +
        'the payoff of every profile with its interval, the pure and mixed Nash equilibria with the ' +
        'share of resampled payoff matrices that keep each, their Pareto improvements, and for which ' +
        'verification probability and penalty a mutual restraint is self-enforcing.',
    )
    .argument('<file>', 'scenario YAML file (two actors; a `game` block is optional)')
    .option(
      '-n, --runs <n>',
      'trials of every profile (and strike variant)',
      integer(1, 1e8),
      DEFAULT_GAME_RUNS,
    )
    .option('-s, --seed <s>', 'random seed shared by every profile', integer(0), DEFAULT_SEED)
    .option(
      '--resamples <n>',
      'payoff matrices redrawn within their Monte Carlo uncertainty',
      integer(10, 100_000),
      DEFAULT_RESAMPLES,
    )
    .option(
      '--parameter-sets <n>',
      'with an `uncertainty` block: parameter sets drawn from it, the game played at each (0 turns it off)',
      integer(0, 10_000),
      DEFAULT_GAME_PARAMETER_SETS,
    )
    .option(
      '--parameter-runs <n>',
      'trials of every profile (and strike variant) at each parameter set',
      integer(1, 1e7),
      DEFAULT_GAME_PARAMETER_RUNS,
    )
    .option(
      '--set <path=value>',
      `${SET_HELP}; game.* fields too (e.g. game.weights.north.generalWar=50)`,
      collect,
    )
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option(
      '--chart <file.svg>',
      'also write the agreement chart: P(self-enforcing) by verification probability and penalty (default: none)',
    );
  addFormatOptions(command)
    .addHelpText(
      'after',
      `
How to read it: a profile is one strategy per side. An equilibrium is a profile (or a mix) where
neither side gains by changing alone; "holds in 97% of resamples" says how sure the Monte Carlo
is of that. With an \`uncertainty\` block, "P(eq.) params" asks the same when the declared
parameters are uncertain too: the game is played again at each parameter set and each set's
resampled share is averaged (± its error over the sets). A Pareto improvement is a profile better for one side and no worse for the other: a
deal worth verifying. The agreement line says how large v × penalty must be for the restraint to
hold. Costs are yours to state (game.weights): docs/delegation-game.md explains each term.

Examples:
  petrov game scenarios/analytic-game.yaml
  petrov game scenarios/korean-peninsula-2026.yaml --runs 5000
  petrov game scenarios/korean-peninsula-2026.yaml --parameter-sets 40 --parameter-runs 500
  petrov game scenarios/korean-peninsula-2026.yaml --parameter-sets 0
  petrov game scenarios/korean-peninsula-2026.yaml --set game.weights.south.unansweredAttack=5 --json
  petrov game scenarios/korean-peninsula-2026.yaml --format csv > game.csv
  petrov game scenarios/korean-peninsula-2026.yaml --chart agreement.svg`,
    )
    .action(async (file: string, flags: GameFlags, command: Command) => {
      const format = outputFormat(flags);
      if (flags.chart !== undefined) checkWritable(flags.chart, '--chart');
      const loaded = orThrow(loadScenarioFile(file, flags.set));
      warnNoEffect(io, file, loaded.text);
      const asked = command.getOptionValueSource('parameterSets') === 'cli';
      if (asked && flags.parameterSets > 0 && uncertainParameters(loaded.scenario).length === 0) {
        throw new InputError([
          {
            path: '--parameter-sets',
            message: 'the scenario declares no uncertain parameters (an `uncertainty` block)',
          },
        ]);
      }
      const progress = progressReporter(io, 'game');
      // Without a terminal there is no bar: one line says the work has begun and how to stop it.
      let announced = io.errIsTty;
      const onProgress = (done: number, planned: number) => {
        if (!announced) {
          announced = true;
          io.err(
            `petrov game: ${formatInteger(done)} of ${formatInteger(planned)} trials done (over every arm); Ctrl-C stops and prints what is done\n`,
          );
        }
        progress.update({ done, planned });
      };
      const result = await stoppableByCtrlC(io, (signal) =>
        playGame(loaded, {
          runs: flags.runs,
          seed: flags.seed,
          resamples: flags.resamples,
          parameterSets: flags.parameterSets,
          parameterRuns: flags.parameterRuns,
          workers: workersFor(flags.workers, flags.runs, GAME_CHUNK),
          onProgress,
          signal,
        }),
      );
      progress.stop();
      if (result.partial !== null) setExit(Exit.interrupted);
      if (flags.chart !== undefined) {
        if (result.agreement === null) {
          throw new InputError([
            {
              path: 'game.agreement',
              message: 'no restraint to chart: declare one strategy per player',
            },
          ]);
        }
        const caption = `When the agreement ${result.agreement.restraint.join(' × ')} is self-enforcing`;
        writeFileSync(
          flags.chart,
          standaloneSvg(renderChart(agreementChart(result.agreement, result.players), caption)),
        );
      }
      io.out(
        rendered(
          format,
          result,
          () => gameText(result),
          () => gameTable(result),
        ),
      );
    });
}
