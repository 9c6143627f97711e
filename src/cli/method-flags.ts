import { Option, type Command } from 'commander';
import {
  compileModel,
  InputError,
  METHODS,
  parseTiltSpec,
  readInputFile,
  tiltFromSpec,
  type ImportanceReport,
  type LoadedScenario,
  type Method,
  type TiltRound,
} from '../index.ts';
import { integer, orThrow } from './arguments.ts';
import { formatInteger } from './format.ts';
import type { CliIo } from './io.ts';

export interface MethodFlags {
  method: Method;
  tilt?: string;
  pilotTrials?: number;
}

/** Adds --method, --tilt and --pilot-trials to `run` or `compare`. */
export function addMethodOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--method <m>',
        'plain Monte Carlo; is: importance sampling for rare outcomes (p below ~1e-3); auto: ' +
          'importance sampling when a plain pilot of 10,000 trials sees fewer than 100 uses (docs/rare-events.md)',
      )
        .choices(METHODS)
        .default('plain'),
    )
    .option(
      '--tilt <file>',
      'with --method is|auto: a JSON tilt ({"rates":{...},"probabilities":{...}}, as a ' +
        "result's importance.tilt prints it) instead of the cross-entropy search",
    )
    .option(
      '--pilot-trials <n>',
      'trials per pilot round of the tilt search (default 10,000)',
      integer(1000, 1e7),
    );
}

/** The simulate/compare options the flags ask for; a bad tilt file is an input error. */
export function methodOptions(flags: MethodFlags, loaded: LoadedScenario, io: CliIo) {
  if (flags.tilt !== undefined && flags.method === 'plain') {
    throw new InputError([{ path: '--tilt', message: 'only applies with --method is or auto' }]);
  }
  return {
    method: flags.method,
    tilt: flags.tilt === undefined ? undefined : readTilt(flags.tilt, loaded),
    tiltSearch: { pilotTrials: flags.pilotTrials },
    onPilotRound: (round: TiltRound, index: number) =>
      io.err(
        `tilt search, round ${index + 1}: ${formatInteger(round.uses)} of ${formatInteger(round.trials)} ` +
          `pilot trials with use → ${round.next}\n`,
      ),
  };
}

/** Tilt files are a few hundred bytes: a larger one is not a tilt. */
const MAX_TILT_BYTES = 1024 * 1024;

function readTilt(file: string, loaded: LoadedScenario) {
  const text = orThrow(readInputFile(file, MAX_TILT_BYTES, 'tilt'));
  const spec = orThrow(parseTiltSpec(file, text));
  const built = tiltFromSpec(compileModel(loaded.scenario), spec);
  if (!built.ok) throw new InputError(built.issues.map((i) => ({ ...i, source: file })));
  return built.value;
}

/** Lines describing how a run sampled, and any warning about its weights. */
export function methodLines(
  method: 'plain' | 'importance' | undefined,
  reason: string | undefined,
  importance: ImportanceReport | null | undefined,
): string[] {
  // Results stored before importance sampling existed carry no method: they were plain.
  if (method !== 'importance' && !reason?.startsWith('a plain pilot')) return [];
  const lines = [
    `Sampling: ${method === 'plain' ? 'plain Monte Carlo' : 'importance sampling'} (${reason})`,
  ];
  if (importance) {
    const d = importance.diagnostics;
    const [lo, hi] = d.meanWeight.ci95;
    lines.push(
      `  tilt from ${importance.tiltSource === 'given' ? '--tilt' : `the cross-entropy search (${importance.rounds.length} pilot rounds)`}; ` +
        `effective trials ${d.ess.toFixed(0)} of ${formatInteger(d.tiltedUses)} with use; ` +
        `largest weight ${(100 * d.maxWeightShare).toFixed(1)}% of the estimate; ` +
        `mean weight ${d.meanWeight.mean.toPrecision(3)} [${lo.toPrecision(3)}, ${hi.toPrecision(3)}]`,
    );
    for (const w of d.warnings) lines.push(`  warning: ${w}`);
  }
  return lines;
}
