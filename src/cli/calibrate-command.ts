import type { Command } from 'commander';
import {
  calibrate,
  CHUNK_SIZE,
  DEFAULT_CALIBRATION_DRAWS,
  DEFAULT_DRAW_REPETITIONS,
  DEFAULT_SEED,
  loadObservedFile,
  loadScenarioFile,
  recordCheck,
} from '../index.ts';
import { collect, integer, orThrow, SET_HELP, workersFor, WORKERS_HELP } from './arguments.ts';
import { calibrationText } from './calibration-text.ts';
import type { CliIo } from './io.ts';
import { progressReporter } from './progress.ts';
import { UNCERTAIN_HELP } from './study-flags.ts';

interface CalibrateFlags {
  data: string;
  draws: number;
  repetitions: number;
  check: number;
  seed: number;
  set?: string[];
  uncertain?: string[];
  workers?: number;
  json?: boolean;
}

export function registerCalibrate(program: Command, io: CliIo): void {
  program
    .command('calibrate')
    .summary('weigh the uncertain parameters against observed counts: posterior, checks, P(use)')
    .description(
      'Bayesian calibration by likelihood weighting. The prior is the `uncertainty` block (and ' +
        '--uncertain); the data (--data) are observed counts per stage with their exposure, zero ' +
        'uses included. Each prior draw runs on its own trials; its weight is the likelihood of every ' +
        'observed count given its simulated one. Prints the scenario as written beside the record, ' +
        'the posterior of each parameter against its prior, posterior predictive checks per stage ' +
        'and P(nuclear use) per trial before and after. docs/calibration.md explains the method.',
    )
    .argument('<file>', 'scenario YAML file')
    .requiredOption(
      '--data <file>',
      'observed counts per stage (YAML; see data/us-warning-1977-1984.yaml)',
    )
    .option(
      '--draws <n>',
      'prior draws (low-discrepancy design)',
      integer(2, 1e7),
      DEFAULT_CALIBRATION_DRAWS,
    )
    .option('--repetitions <n>', 'trials per draw', integer(1, 1e9), DEFAULT_DRAW_REPETITIONS)
    .option(
      '--check <n>',
      'trials of the scenario as written set beside the record (0: none)',
      integer(0, 1e9),
      2000,
    )
    .option('-s, --seed <s>', 'random seed', integer(0), DEFAULT_SEED)
    .option('--set <path=value>', SET_HELP, collect)
    .option('--uncertain <path=kind(...)>', UNCERTAIN_HELP, collect)
    .option('-w, --workers <n>', WORKERS_HELP, integer(1, 256))
    .option('--json', 'print one JSON document instead of the tables')
    .addHelpText(
      'after',
      `
Examples:
  petrov calibrate scenarios/us-early-warning-1977-1984.yaml --data data/us-warning-1977-1984.yaml
  petrov calibrate scenarios/us-early-warning-1977-1984.yaml --data data/us-warning-1977-1984.yaml --draws 2000 --repetitions 1000 -w 2
A data file lists stages: { stage, measure (a per-trial count such as hostileLabels, or nuclearUse,
or a difference such as "tracks - hostileLabels"), observed, exposure: { years: N } or { trials: N },
source }. Few effective draws mean the data pin the parameters more tightly than the prior
sampling can follow: raise --draws or narrow the prior.`,
    )
    .action(async (file: string, flags: CalibrateFlags) => {
      const loaded = orThrow(loadScenarioFile(file, flags.set, flags.uncertain));
      const data = orThrow(loadObservedFile(flags.data));
      const trials = flags.draws * flags.repetitions + flags.check;
      const workers = workersFor(flags.workers, trials, CHUNK_SIZE);
      const progress = progressReporter(io, 'calibrate');
      const onProgress = (done: number, planned: number) => progress.update({ done, planned });
      const options = { seed: flags.seed, workers, dataSource: flags.data };
      const check =
        flags.check > 0
          ? await recordCheck(loaded, data, { ...options, trials: flags.check })
          : undefined;
      const result = await calibrate(loaded, data, {
        ...options,
        draws: flags.draws,
        repetitions: flags.repetitions,
        onProgress,
      });
      progress.stop();
      io.out(
        flags.json
          ? `${JSON.stringify({ ...result, recordCheck: check ?? null }, null, 2)}\n`
          : calibrationText(result, check),
      );
    });
}
